package io.protoguard.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Map;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.ModelAndView;

/**
 * Every error that reaches the servlet container's error page: under /api a problem detail in words (404 for an
 * unknown path, 405, 415, a URL the firewall rejects, anything else), elsewhere the error page. Replaces Boot's
 * default error controller, whose JSON is not problem+json and whose texts are the framework's.
 */
@Controller
public class ErrorPages implements ErrorController {
    private final ErrorAttributes errors;

    public ErrorPages(ErrorAttributes errors) {
        this.errors = errors;
    }

    @RequestMapping("/error")
    public Object error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = HttpStatus.resolve(code instanceof Integer i ? i : 500);
        if (status == null) status = HttpStatus.INTERNAL_SERVER_ERROR;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri == null ? request.getRequestURI() : uri.toString();
        Throwable cause = errors.getError(new ServletWebRequest(request));
        if (path.startsWith(request.getContextPath() + "/api/") || path.equals(request.getContextPath() + "/api")) {
            ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail(status, request, path, cause));
            p.setTitle(status.getReasonPhrase());
            p.setInstance(safeUri(path));
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
        }
        Map<String, Object> model = errors.getErrorAttributes(new ServletWebRequest(request), ErrorAttributeOptions.defaults());
        model.put("status", status.value());
        model.put("error", status.getReasonPhrase());
        return new ModelAndView("error", model, status);
    }

    private static String detail(HttpStatus status, HttpServletRequest request, String path, Throwable cause) {
        String method = request.getMethod();
        if (cause instanceof HttpRequestMethodNotSupportedException m && m.getSupportedMethods() != null) {
            return method + " is not allowed on " + path + "; allowed: " + String.join(", ", m.getSupportedMethods());
        }
        if (cause instanceof HttpMediaTypeNotSupportedException m) {
            return "this call does not take " + (m.getContentType() == null ? "a body without a content type" : m.getContentType())
                    + "; it takes " + String.join(", ", m.getSupportedMediaTypes().stream().map(Object::toString).toList());
        }
        return switch (status) {
            case NOT_FOUND -> "there is nothing at " + path + "; the API is described at /v3/api-docs (sign in first)";
            case METHOD_NOT_ALLOWED -> method + " is not allowed on " + path;
            case UNSUPPORTED_MEDIA_TYPE -> "this call does not take a body of this content type";
            case BAD_REQUEST -> "the request cannot be understood: the address or a header is malformed (an encoded slash %2F, "
                    + "a backslash or other characters that are refused in a path)";
            case PAYLOAD_TOO_LARGE -> "the request is larger than the service accepts";
            default -> status.is5xxServerError() ? "something went wrong in the service; it keeps running, and the request can be retried"
                    : "the request was refused (" + status.value() + ")";
        };
    }

    private static URI safeUri(String path) {
        try {
            return URI.create(path);
        } catch (IllegalArgumentException e) {
            return URI.create("/api");
        }
    }
}
