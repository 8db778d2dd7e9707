package fr.passerelle.referral.rest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.QueryParam;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The converter of typed query parameters names the parameter in its 400 from the annotations of the method
 * RESTEasy Reactive invokes: the resource class's, not the *Api interface's (Java does not inherit parameter
 * annotations). So every typed query parameter repeats its {@code @QueryParam} on the resource, with the same name.
 */
class TypedParameterNamesTest {

    private static final List<Class<?>> RESOURCES = List.of(CaseResource.class, ReferralResource.class, AuditResource.class,
            StatsResource.class, TriageResource.class, WebhookResource.class, InboxResource.class, NotificationsResource.class);

    @Test
    void everyTypedQueryParameterCarriesTheInterfacesNameOnTheResource() {
        List<String> mismatches = new ArrayList<>();
        int typed = 0;
        for (Class<?> resource : RESOURCES) {
            for (Class<?> api : resource.getInterfaces()) {
                for (Method declared : api.getDeclaredMethods()) {
                    Method implemented;
                    try {
                        implemented = resource.getMethod(declared.getName(), declared.getParameterTypes());
                    } catch (NoSuchMethodException e) {
                        continue;
                    }
                    for (int i = 0; i < declared.getParameterCount(); i++) {
                        Parameter p = declared.getParameters()[i];
                        QueryParam query = p.getAnnotation(QueryParam.class);
                        if (query == null || !typed(p.getType())) {
                            continue;
                        }
                        typed++;
                        QueryParam onResource = implemented.getParameters()[i].getAnnotation(QueryParam.class);
                        if (onResource == null || !onResource.value().equals(query.value())) {
                            mismatches.add(resource.getSimpleName() + "." + implemented.getName() + " parameter " + query.value());
                        }
                    }
                }
            }
        }
        assertTrue(typed > 20, "typed query parameters found: " + typed);
        assertTrue(mismatches.isEmpty(), "typed query parameters without the same @QueryParam on the resource: " + mismatches);
    }

    private static boolean typed(Class<?> type) {
        return type == Integer.class || type == Long.class || type == Boolean.class || type == LocalDate.class
                || type == Instant.class || type == UUID.class || type.isEnum();
    }
}
