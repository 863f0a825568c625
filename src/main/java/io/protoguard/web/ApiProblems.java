package io.protoguard.web;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every API error as an RFC 9457 problem detail (application/problem+json), with a detail a person can act on. */
@RestControllerAdvice(annotations = RestController.class)
public class ApiProblems extends ResponseEntityExceptionHandler {

    @ExceptionHandler(ProtocolCatalog.UnknownProtocol.class)
    ProblemDetail unknownProtocol(ProtocolCatalog.UnknownProtocol e, WebRequest request) {
        return problem(HttpStatus.NOT_FOUND, "Unknown protocol", e.getMessage() + "; see GET /api/protocols", request);
    }

    @ExceptionHandler(ProtocolCatalog.BrokenProtocol.class)
    ProblemDetail brokenProtocol(ProtocolCatalog.BrokenProtocol e, WebRequest request) {
        ProblemDetail p = problem(HttpStatus.CONFLICT, "Protocol cannot be loaded",
                "the protocol's decision tables have problems; uploads against it are refused until they are fixed", request);
        p.setProperty("problems", e.problems());
        return p;
    }

    @ExceptionHandler(RunDownloads.NoSuchRun.class)
    ProblemDetail noSuchRun(RunDownloads.NoSuchRun e, WebRequest request) {
        return problem(HttpStatus.NOT_FOUND, "No such run", e.getMessage(), request);
    }

    @ExceptionHandler({CheckService.BadRequest.class, IllegalArgumentException.class})
    ProblemDetail badRequest(RuntimeException e, WebRequest request) {
        return problem(HttpStatus.BAD_REQUEST, "Bad request", e.getMessage(), request);
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail, WebRequest request) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        String path = request.getDescription(false).replaceFirst("^uri=", "");
        p.setInstance(URI.create(path));
        return p;
    }
}
