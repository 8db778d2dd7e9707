package fr.passerelle.common.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import fr.passerelle.common.json.TextRules;
import fr.passerelle.common.json.UnsafeTextException;
import fr.passerelle.common.web.RequestIds;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where every failure becomes RFC 9457 problem+json. Nothing from an exception's
 * message reaches a client unless we wrote it ourselves, so no SQL or stack trace can leak.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, ContainerRequestContext request) {
        Problem body = new Problem(Problem.TYPE_BASE + e.typeSlug(), e.title(), e.status(), e.getMessage(),
                path(request), requestId(request), e.violations(), e.extensions());
        Response.ResponseBuilder response = Response.status(e.status()).type(Problem.MEDIA_TYPE).entity(body);
        e.headers().forEach(response::header);
        return response.build();
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, ContainerRequestContext request) {
        List<Violation> bodyViolations = new ArrayList<>();
        List<Violation> parameterViolations = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            FieldPath fp = FieldPath.of(v.getPropertyPath());
            Violation violation = new Violation(fp.name, v.getMessage(), code(v));
            (fp.inBody ? bodyViolations : parameterViolations).add(violation);
        }
        Comparator<Violation> byField = Comparator.comparing(Violation::field).thenComparing(Violation::code);
        // Bad parameters are a malformed request (400); a well-formed body breaking a rule is 422.
        if (!parameterViolations.isEmpty()) {
            parameterViolations.sort(byField);
            return problem(ProblemException.badRequest("A parameter is invalid.", parameterViolations), request);
        }
        bodyViolations.sort(byField);
        return problem(ProblemException.unprocessable(bodyViolations), request);
    }

    @ServerExceptionMapper({JsonProcessingException.class, MismatchedInputException.class,
            InvalidFormatException.class, UnrecognizedPropertyException.class})
    public Response unreadableJson(JsonProcessingException e, ContainerRequestContext request) {
        return problem(ProblemException.badRequest("The request body is not valid JSON for this operation.",
                List.of(jsonViolation(e))), request);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, ContainerRequestContext request) {
        return problem(new ProblemException(401, "unauthorized", "Unauthorized",
                "A valid bearer token is required.", null).withHeader("WWW-Authenticate", "Bearer"), request);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, ContainerRequestContext request) {
        return problem(ProblemException.forbidden("Your role does not allow this operation."), request);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, ContainerRequestContext request) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, request);
        }
        if (e.getCause() instanceof JsonProcessingException jpe) {
            return unreadableJson(jpe, request);
        }
        // A typed query parameter that does not convert: JAX-RS wraps the converter's refusal in a 404.
        if (e.getCause() instanceof ProblemException refusal) {
            return problem(refusal, request);
        }
        String slug = switch (status) {
            case 400 -> "bad-request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            default -> "http-" + status;
        };
        String title = Response.Status.fromStatusCode(status) == null ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "No resource at this path.";
            case 405 -> "This method is not allowed on this resource.";
            case 406 -> "This resource cannot answer in the requested media type.";
            case 413 -> "The request body is too large.";
            case 415 -> "This operation expects another content type (application/json).";
            default -> title + ".";
        };
        ProblemException problem = new ProblemException(status, slug, title, detail, null);
        if (e.getResponse() != null) {
            for (Map.Entry<String, List<Object>> h : e.getResponse().getHeaders().entrySet()) {
                if (h.getKey().equalsIgnoreCase("Allow") || h.getKey().equalsIgnoreCase("WWW-Authenticate")) {
                    problem.withHeader(h.getKey(), h.getValue().stream().map(String::valueOf).collect(Collectors.joining(",")));
                }
            }
        }
        return problem(problem, request);
    }

    @ServerExceptionMapper(priority = 9000)
    public Response unexpected(Throwable e, ContainerRequestContext request) {
        // The message may hold data values (e.g. a constraint's key): log the type and frames only.
        LOG.errorf("Unexpected %s at %s (causes: %s)", e.getClass().getName(), firstFrames(e), causeTypes(e));
        return problem(new ProblemException(500, "internal", "Internal error",
                "An unexpected error occurred. Quote the request id when reporting it.", null), request);
    }

    /** The types along the cause chain, suppressed ones in brackets: enough to tell an outage from a bug. */
    static String causeTypes(Throwable e) {
        StringBuilder types = new StringBuilder();
        int depth = 0;
        for (Throwable t = e.getCause(); t != null && depth < 16; t = t.getCause(), depth++) {
            types.append(depth == 0 ? "" : " < ").append(t.getClass().getName());
            for (Throwable s : t.getSuppressed()) {
                types.append(" [").append(s.getClass().getName()).append(']');
            }
        }
        for (Throwable s : e.getSuppressed()) {
            types.append(" [").append(s.getClass().getName()).append(']');
        }
        return types.isEmpty() ? "none" : types.toString();
    }

    private static String firstFrames(Throwable e) {
        return Arrays.stream(e.getStackTrace()).limit(8).map(StackTraceElement::toString)
                .collect(Collectors.joining(" < "));
    }

    private static Violation jsonViolation(JsonProcessingException e) {
        // Jackson's duplicate detection has no exception type of its own (and databind may wrap it in a nested
        // object); the parser still knows where it stood.
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StreamReadException sre && sre.getOriginalMessage() != null
                    && sre.getOriginalMessage().startsWith("Duplicate field") && sre.getProcessor() != null) {
                return new Violation(fieldPath(sre.getProcessor().getParsingContext()), "given more than once", "DUPLICATE_PROPERTY");
            }
        }
        if (e instanceof JsonMappingException jme) {
            String field = jme.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            if (field.isEmpty()) {
                field = "body";
            }
            if (e instanceof UnsafeTextException ute) {
                return new Violation(field, TextRules.message(ute.code()), ute.code());
            }
            if (e instanceof UnrecognizedPropertyException) {
                return new Violation(field, "unknown property", "UNKNOWN_PROPERTY");
            }
            if (e instanceof InvalidFormatException ife && ife.getTargetType() != null && ife.getTargetType().isEnum()) {
                String allowed = Arrays.stream(ife.getTargetType().getEnumConstants()).map(String::valueOf)
                        .collect(Collectors.joining(", "));
                return new Violation(field, "unknown value; expected one of: " + allowed, "UNKNOWN_VALUE");
            }
            if (e instanceof MismatchedInputException && e.getOriginalMessage() != null
                    && e.getOriginalMessage().startsWith("Trailing token")) {
                return new Violation(field, "unexpected data after the JSON value", "TRAILING_DATA");
            }
            if (e instanceof MismatchedInputException mie && mie.getTargetType() != null) {
                return new Violation(field, "wrong type; expected " + friendly(mie.getTargetType()), "WRONG_TYPE");
            }
            return new Violation(field, "cannot be read", "UNREADABLE");
        }
        return new Violation("body", "malformed JSON", "MALFORMED_JSON");
    }

    /** {@code guardians[0].firstName}, the way the other violations name a body field. */
    private static String fieldPath(JsonStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.addFirst("[" + Math.max(c.getCurrentIndex(), 0) + "]");
            } else if (c.getCurrentName() != null) {
                parts.addFirst(c.getCurrentName());
            }
        }
        String path = String.join(".", parts).replace(".[", "[");
        return path.isEmpty() ? "body" : path;
    }

    private static String friendly(Class<?> type) {
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 date";
        }
        return "an object";
    }

    private static String code(ConstraintViolation<?> v) {
        String annotation = v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        return annotation.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase();
    }

    private static String path(ContainerRequestContext request) {
        return request == null ? null : request.getUriInfo().getRequestUri().getRawPath();
    }

    private static String requestId(ContainerRequestContext request) {
        Object id = request == null ? null : request.getProperty(RequestIds.MDC_KEY);
        return id != null ? id.toString() : RequestIds.current();
    }

    /** A validation path seen from the client: the body's field path, or the parameter's name. */
    private record FieldPath(String name, boolean inBody) {
        static FieldPath of(Path path) {
            List<String> parts = new ArrayList<>();
            boolean sawParameter = false;
            boolean inBody = false;
            String parameterName = null;
            for (Path.Node node : path) {
                if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) {
                    continue;
                }
                if (node.getKind() == ElementKind.PARAMETER) {
                    sawParameter = true;
                    parameterName = node.getName();
                    continue;
                }
                if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                    inBody = true;
                    if (node.getName() != null && !node.getName().startsWith("<")) {
                        String name = node.getName();
                        if (node.getIndex() != null) {
                            parts.add("[" + node.getIndex() + "]");
                        }
                        parts.add(name);
                    } else if (node.getIndex() != null) {
                        parts.add("[" + node.getIndex() + "]");
                    }
                }
            }
            if (!inBody) {
                return new FieldPath(parameterName == null ? "request" : parameterName, !sawParameter);
            }
            return new FieldPath(String.join(".", parts).replace(".[", "["), true);
        }
    }
}
