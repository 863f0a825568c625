package io.protoguard.web;

import io.protoguard.security.UserAccounts;
import java.net.URI;
import java.time.LocalDate;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every API error raised in a controller as an RFC 9457 problem detail (application/problem+json), with a detail a
 * person can act on: Spring's own texts ("Failed to convert ...") are replaced by words. Errors before any controller
 * (unknown path, wrong method or media type, a rejected URL) are answered by {@link ErrorPages}.
 */
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

    @ExceptionHandler(UserAccounts.NoSuchAccount.class)
    ProblemDetail noSuchAccount(UserAccounts.NoSuchAccount e, WebRequest request) {
        return problem(HttpStatus.NOT_FOUND, "No such user", e.getMessage(), request);
    }

    @ExceptionHandler(CheckService.Unreadable.class)
    ProblemDetail unreadable(CheckService.Unreadable e, WebRequest request) {
        return problem(HttpStatus.UNPROCESSABLE_ENTITY, "Upload cannot be read", e.getMessage() + "; nothing was stored", request);
    }

    @ExceptionHandler(CheckService.SitesNotAssigned.class)
    ProblemDetail sitesNotAssigned(CheckService.SitesNotAssigned e, WebRequest request) {
        ProblemDetail p = problem(HttpStatus.FORBIDDEN, "Sites not assigned", e.getMessage(), request);
        p.setProperty("sites", e.sites());
        return p;
    }

    @ExceptionHandler({CheckService.BadRequest.class, IllegalArgumentException.class})
    ProblemDetail badRequest(RuntimeException e, WebRequest request) {
        return problem(HttpStatus.BAD_REQUEST, "Bad request", e.getMessage(), request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail p) {
            String words = words(ex);
            if (words != null) p.setDetail(words);
        }
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }

    /** What was wrong with the request, in words; null keeps the framework's detail. */
    static String words(Exception ex) {
        if (ex instanceof TypeMismatchException t) {
            String name = t.getPropertyName() == null ? "a parameter" : "\"" + t.getPropertyName() + "\"";
            String value = t.getValue() == null ? "" : " \"" + t.getValue() + "\"";
            Class<?> type = t.getRequiredType();
            if (type == LocalDate.class) return name + value + " is not a date: expected YYYY-MM-DD, e.g. 2026-07-01";
            if (type == long.class || type == Long.class || type == int.class || type == Integer.class) {
                return name + value + " is not a whole number";
            }
            return name + value + " is not a value this parameter takes";
        }
        if (ex instanceof MissingServletRequestParameterException m) return "the parameter \"" + m.getParameterName() + "\" is missing";
        if (ex instanceof MissingServletRequestPartException m) return "the form field \"" + m.getRequestPartName() + "\" (a file) is missing";
        if (ex instanceof HttpMessageNotReadableException) return "the request body is missing or is not the JSON this call takes";
        if (ex instanceof MethodArgumentNotValidException m) {
            return "the request body is incomplete: " + String.join(", ", m.getBindingResult().getFieldErrors().stream()
                    .map(f -> f.getField() + " is required").toList());
        }
        return null;
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail, WebRequest request) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        String path = request.getDescription(false).replaceFirst("^uri=", "");
        p.setInstance(URI.create(path));
        return p;
    }
}
