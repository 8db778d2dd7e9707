package fr.passerelle.common.web;

import fr.passerelle.common.problem.ProblemException;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Holds every operation to what it declares, so no resource method has to remember it: the query parameters are
 * those of its {@code @QueryParam}s ({@link QueryString}), and a body is JSON that says so. Declarations are read
 * once per method, from the method or the interface it implements (referral-service keeps JAX-RS annotations on
 * its {@code *Api} interfaces).
 */
public class StrictRequests {

    private static final Map<Method, Declared> DECLARED = new ConcurrentHashMap<>();

    // After authentication and access filters: a caller who may not call the operation learns nothing of it.
    @ServerRequestFilter(priority = Priorities.USER + 100)
    public void check(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        Declared declared = DECLARED.computeIfAbsent(method, m -> Declared.of(resource.getResourceClass(), m));
        requireJsonContentType(request, declared);
        var violations = QueryString.check(request.getUriInfo().getRequestUri().getRawQuery(), declared.queryParameters());
        if (!violations.isEmpty()) {
            throw ProblemException.badRequest("A query parameter is unknown, repeated or invalid.", violations);
        }
    }

    /** A body without Content-Type would be read as JSON anyway; a charset other than UTF-8 would be ignored. */
    private static void requireJsonContentType(ContainerRequestContext request, Declared declared) {
        if (!declared.readsBody() || !hasBody(request)) {
            return;
        }
        MediaType type = request.getMediaType();
        if (type == null) {
            throw ProblemException.unsupportedMediaType("A request body needs a Content-Type header: application/json.");
        }
        String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset != null && !charset.equalsIgnoreCase("utf-8")) {
            throw ProblemException.unsupportedMediaType("JSON is exchanged in UTF-8 (RFC 8259): drop the charset parameter or make it utf-8.");
        }
    }

    private static boolean hasBody(ContainerRequestContext request) {
        String length = request.getHeaderString("Content-Length");
        if (length != null) {
            return !length.trim().equals("0");
        }
        return request.getHeaderString("Transfer-Encoding") != null;
    }

    /** What an operation declares: its query parameters (name → may repeat) and whether it reads a body. */
    record Declared(Map<String, Boolean> queryParameters, boolean readsBody) {

        static Declared of(Class<?> resourceClass, Method method) {
            Method declaration = jaxRsDeclaration(resourceClass, method);
            Map<String, Boolean> query = new LinkedHashMap<>();
            boolean readsBody = false;
            Annotation[][] annotations = declaration.getParameterAnnotations();
            for (int i = 0; i < annotations.length; i++) {
                String name = queryName(annotations[i], declaration.getParameters()[i].getName());
                if (name != null) {
                    Class<?> type = declaration.getParameterTypes()[i];
                    query.put(name, Collection.class.isAssignableFrom(type) || type.isArray());
                }
                readsBody |= Arrays.stream(annotations[i]).noneMatch(Declared::isJaxRs);
            }
            return new Declared(Collections.unmodifiableMap(query), readsBody);
        }

        private static boolean isJaxRs(Annotation a) {
            String pkg = a.annotationType().getPackageName();
            return pkg.startsWith("jakarta.ws.rs") || pkg.startsWith("org.jboss.resteasy.reactive");
        }

        private static String queryName(Annotation[] annotations, String parameterName) {
            for (Annotation a : annotations) {
                if (a instanceof QueryParam q) {
                    return q.value();
                }
                if (a instanceof RestQuery q) {
                    return q.value().isEmpty() ? parameterName : q.value();
                }
            }
            return null;
        }

        /** The declaration carrying the JAX-RS annotations: the method, or the one it implements or overrides. */
        private static Method jaxRsDeclaration(Class<?> resourceClass, Method method) {
            Deque<Class<?>> types = new ArrayDeque<>();
            types.add(method.getDeclaringClass());
            if (resourceClass != null) {
                types.add(resourceClass);
            }
            Set<Class<?>> visited = new HashSet<>();
            while (!types.isEmpty()) {
                Class<?> type = types.poll();
                if (type == Object.class || !visited.add(type)) {
                    continue;
                }
                try {
                    Method candidate = type.getDeclaredMethod(method.getName(), method.getParameterTypes());
                    if (Arrays.stream(candidate.getAnnotations()).anyMatch(a -> a.annotationType().isAnnotationPresent(HttpMethod.class))) {
                        return candidate;
                    }
                } catch (NoSuchMethodException e) {
                    // not declared at this level
                }
                if (type.getSuperclass() != null) {
                    types.add(type.getSuperclass());
                }
                types.addAll(List.of(type.getInterfaces()));
            }
            return method;
        }
    }
}
