package uk.placements.edge.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.NonNull;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.util.DisconnectedClientHelper;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns every failure at the HTTP edge into RFC 9457 problem details: {@code errors} for malformed input (400), 404,
 * 413, 415, and a bare 500 for the unexpected. Nothing internal (class names, stack traces, SQL) ever reaches the
 * client. Each service adds an advice of its own for its domain's failures, ordered before this one.
 */
@RestControllerAdvice
public class ProblemHandling extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandling.class);

    public record FieldProblem(String field, String message) {
    }

    /** The detail of a request the firewall refuses, whether at the door or while a handler reads it. */
    public static final String REJECTED = "the request was refused: its method, path, parameters or headers are not "
            + "allowed";

    @ExceptionHandler(NotFound.class)
    ResponseEntity<ProblemDetail> notFound(NotFound e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Not found");
        return problem(problem);
    }

    @ExceptionHandler(InvalidField.class)
    ResponseEntity<ProblemDetail> invalidField(InvalidField e) {
        return badRequest(List.of(new FieldProblem(e.field(), e.getMessage())));
    }

    @ExceptionHandler(RequestHeaders.BadHeader.class)
    ResponseEntity<ProblemDetail> badHeader(RequestHeaders.BadHeader e) {
        return badRequest(List.of(new FieldProblem(e.header(), e.getMessage())));
    }

    /**
     * Spring Security's firewall checks parameter and header names and values lazily, when a handler first reads
     * them (a control character in a query parameter's name, say): its refusal arrives here, and is a 400.
     */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(RequestRejectedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, REJECTED);
        problem.setTitle("Bad Request");
        return problem(problem);
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> invalidValue(IllegalArgumentException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid request");
        return problem(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (DisconnectedClientHelper.isClientDisconnectedException(e)) {
            // A browser that navigated away mid-download (a page's font, say): no one is left to answer.
            log.debug("client went away: {}", e.getClass().getName());
            return null;
        }
        // The exception type only: messages may quote input, and input may be personal data.
        log.error("unexpected failure: {}", e.getClass().getName());
        log.debug("unexpected failure", e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "the request could not be completed; nothing was recorded");
        problem.setTitle("Internal error");
        return problem(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(@NonNull MethodArgumentNotValidException e,
                                                                  @NonNull HttpHeaders headers,
                                                                  @NonNull HttpStatusCode status,
                                                                  @NonNull WebRequest request) {
        List<FieldProblem> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldProblem(f.getField(), messageOf(f)))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .collect(Collectors.toList());
        e.getBindingResult().getGlobalErrors()
                .forEach(g -> errors.add(new FieldProblem(g.getObjectName(), g.getDefaultMessage())));
        return widen(badRequest(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(@NonNull HttpMessageNotReadableException e,
                                                                  @NonNull HttpHeaders headers,
                                                                  @NonNull HttpStatusCode status,
                                                                  @NonNull WebRequest request) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RequestSizeLimitFilter.PayloadTooLarge tooLarge) {
                ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
                        tooLarge.getMessage());
                problem.setTitle("Payload too large");
                return widen(problem(problem));
            }
        }
        return widen(badRequest(List.of(describe(e.getCause()))));
    }

    /**
     * A query parameter, header or path variable of the wrong type, named with the type it needs. Spring's own
     * detail quotes the value as Java prints it: a repeated parameter showed as {@code [Ljava.lang.String;@1ec7}.
     */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(@NonNull TypeMismatchException e,
                                                        @NonNull HttpHeaders headers,
                                                        @NonNull HttpStatusCode status,
                                                        @NonNull WebRequest request) {
        String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
        String needed = e.getRequiredType() == null ? "a value of the documented type"
                : describeType(e.getRequiredType());
        return widen(badRequest(List.of(new FieldProblem(name == null ? "parameter" : name, "must be " + needed))));
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(@NonNull NoResourceFoundException e,
                                                                    @NonNull HttpHeaders headers,
                                                                    @NonNull HttpStatusCode status,
                                                                    @NonNull WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "the API has no such path");
        problem.setTitle("Not found");
        return widen(problem(problem));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(@NonNull Exception ex, Object body,
                                                             @NonNull HttpHeaders headers,
                                                             @NonNull HttpStatusCode statusCode,
                                                             @NonNull WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem) {
            problem.setInstance(null);
            HttpHeaders withType = new HttpHeaders();
            withType.putAll(response.getHeaders());
            withType.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
            return new ResponseEntity<>(problem, withType, response.getStatusCode());
        }
        return response;
    }

    private static ResponseEntity<Object> widen(ResponseEntity<ProblemDetail> problem) {
        return new ResponseEntity<>(problem.getBody(), problem.getHeaders(), problem.getStatusCode());
    }

    private static FieldProblem describe(Throwable cause) {
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            if (cause instanceof UnrecognizedPropertyException) {
                return new FieldProblem(field, "is not a field of this request");
            }
            if (cause instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                    && invalid.getTargetType().isEnum()) {
                return new FieldProblem(field, "must be one of " + Arrays.toString(
                        invalid.getTargetType().getEnumConstants()));
            }
            if (cause instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
                return new FieldProblem(field, "must be " + describeType(mismatched.getTargetType()));
            }
            return new FieldProblem(field, "has an invalid value");
        }
        return new FieldProblem("body", "must be a well-formed JSON object");
    }

    private static String describeType(Class<?> type) {
        Map<Class<?>, String> names = Map.of(Integer.class, "a whole number", int.class, "a whole number",
                Long.class, "a whole number", long.class, "a whole number", String.class, "a string",
                java.time.LocalDate.class, "a date such as 2026-09-01", java.math.BigDecimal.class, "a number",
                java.time.Instant.class, "an instant such as 2026-09-01T08:30:00Z");
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        return names.getOrDefault(type, "a value of the documented type");
    }

    private static String messageOf(FieldError error) {
        return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
    }

    public static ResponseEntity<ProblemDetail> badRequest(List<FieldProblem> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "the request is not valid: see errors");
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return problem(problem);
    }

    /**
     * Problem details with their media type set, so that they are written as {@code application/problem+json}
     * whatever the request's {@code Accept} or the handler's {@code produces} says; left to content negotiation,
     * a request accepting only, say, {@code text/csv} got an empty 406 instead.
     */
    public static ResponseEntity<ProblemDetail> problem(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
