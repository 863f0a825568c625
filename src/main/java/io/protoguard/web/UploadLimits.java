package io.protoguard.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * An upload over the size limit fails before any controller runs, so one advice answers for pages and API:
 * a problem detail (413) for the API, and back to the upload page with the reason for a browser.
 */
@ControllerAdvice
public class UploadLimits {
    private final String maxSize;

    public UploadLimits(@Value("${protoguard.upload.max-size:25MB}") String maxSize) {
        this.maxSize = maxSize;
    }

    String maxSize() {
        return maxSize;
    }

    String tooLargeMessage() {
        return "The file is larger than the upload limit of " + maxSize + "; nothing was stored. "
                + "Split the data or ask the administrator to raise protoguard.upload.max-size.";
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    public ResponseEntity<?> tooLarge(HttpServletRequest request) {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, tooLargeMessage());
            p.setTitle("Upload too large");
            p.setInstance(URI.create(request.getRequestURI()));
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(p);
        }
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(request.getContextPath() + "/?tooLarge")).build();
    }
}
