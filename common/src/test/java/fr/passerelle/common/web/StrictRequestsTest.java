package fr.passerelle.common.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.validation.Valid;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestQuery;
import org.junit.jupiter.api.Test;

/** The declarations are read where JAX-RS reads them: on the method, or on the interface it implements. */
class StrictRequestsTest {

    interface ThingsApi {
        @GET
        String list(@QueryParam("status") String status, @QueryParam("tag") List<String> tags, @RestQuery String size);

        @POST
        String create(@HeaderParam("Idempotency-Key") String key, @Valid Map<String, Object> body);

        @POST
        String act(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch);
    }

    static class ThingsResource implements ThingsApi {
        @Override
        public String list(String status, List<String> tags, String size) {
            return null;
        }

        @Override
        public String create(String key, Map<String, Object> body) {
            return null;
        }

        @Override
        public String act(String id, String ifMatch) {
            return null;
        }
    }

    static class DirectResource {
        @GET
        public String search(@QueryParam("q") String q) {
            return q;
        }
    }

    @Test
    void queryParametersComeFromTheInterfaceOfAnImplementation() throws Exception {
        var declared = StrictRequests.Declared.of(ThingsResource.class,
                ThingsResource.class.getMethod("list", String.class, List.class, String.class));
        assertEquals(Map.of("status", false, "tag", true, "size", false), declared.queryParameters());
        assertFalse(declared.readsBody());
    }

    @Test
    void aParameterWithoutJaxRsAnnotationIsTheBody() throws Exception {
        assertTrue(StrictRequests.Declared.of(ThingsResource.class,
                ThingsResource.class.getMethod("create", String.class, Map.class)).readsBody());
        var act = StrictRequests.Declared.of(ThingsResource.class, ThingsResource.class.getMethod("act", String.class, String.class));
        assertFalse(act.readsBody());
        assertTrue(act.queryParameters().isEmpty());
    }

    @Test
    void annotationsOnTheResourceClassItself() throws Exception {
        var declared = StrictRequests.Declared.of(DirectResource.class, DirectResource.class.getMethod("search", String.class));
        assertEquals(Map.of("q", false), declared.queryParameters());
    }
}
