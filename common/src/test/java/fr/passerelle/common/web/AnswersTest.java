package fr.passerelle.common.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnswersTest {

    record Thing(String name) {
    }

    record StoredAnswer(int status, Map<String, String> headers, String body) implements Answers.Stored {
    }

    @Test
    void aReadCarriesTheTagOfItsVersion() {
        Response ok = Answers.ok(new Versioned<>(new Thing("a"), 3));
        assertEquals(200, ok.getStatus());
        assertEquals("\"v3\"", ok.getHeaderString(HttpHeaders.ETAG));
        assertEquals(new Thing("a"), ok.getEntity());
    }

    @Test
    void aCreationCarriesItsLocationAndTheTagOfItsFirstVersion() {
        Response created = Answers.created("/api/v1/things/42", new Versioned<>(new Thing("a"), 0));
        assertEquals(201, created.getStatus());
        assertEquals("/api/v1/things/42", created.getLocation().toString());
        assertEquals("\"v0\"", created.getHeaderString(HttpHeaders.ETAG));
        assertEquals(204, Answers.noContent().getStatus());
    }

    @Test
    void storedHeadersNameOnlyWhatIsKnown() {
        assertEquals(Map.of(HttpHeaders.LOCATION, "/api/v1/things/42", HttpHeaders.ETAG, "\"v1\""),
                Answers.headers("/api/v1/things/42", 1L));
        assertEquals(List.of(HttpHeaders.LOCATION, HttpHeaders.ETAG), List.copyOf(Answers.headers("/x", 1L).keySet()));
        assertEquals(Map.of(HttpHeaders.ETAG, "\"v2\""), Answers.headers(null, 2L));
        assertTrue(Answers.headers(null, null).isEmpty());
    }

    @Test
    void aReplayIsTheStoredAnswerMarkedAsReplayed() {
        StoredAnswer stored = new StoredAnswer(201, Answers.headers("/api/v1/things/42", 1L), "{\"name\":\"a\"}");
        Response first = Answers.stored(stored, false);
        Response replay = Answers.stored(stored, true);
        for (Response r : List.of(first, replay)) {
            assertEquals(201, r.getStatus());
            assertEquals("{\"name\":\"a\"}", r.getEntity());
            assertEquals("application/json", r.getMediaType().toString());
            assertEquals("\"v1\"", r.getHeaderString(HttpHeaders.ETAG));
        }
        assertNull(first.getHeaderString(Answers.IDEMPOTENT_REPLAYED));
        assertEquals("true", replay.getHeaderString(Answers.IDEMPOTENT_REPLAYED));
    }

    @Test
    void aReadsTagIsItsVersionWithTheBodysHashOrTheHashAlone() {
        byte[] body = "{\"name\":\"a\"}".getBytes(StandardCharsets.UTF_8);
        String versioned = Answers.representationTag("\"v3\"", body);
        assertTrue(versioned.matches("\"v3\\.[A-Za-z0-9_-]{22}\""), versioned);
        String unversioned = Answers.representationTag(null, body);
        assertTrue(unversioned.matches("\"h[A-Za-z0-9_-]{22}\""), unversioned);
        assertEquals(unversioned, Answers.representationTag(null, body.clone()));
        assertNotEquals(unversioned, Answers.representationTag(null, "{\"name\":\"b\"}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aConditionalReadAnswers304WhenTheCallerHoldsTheCurrentRepresentation() throws Exception {
        ObjectMapper json = new ObjectMapper();
        FakeResponse first = new FakeResponse(200, new Thing("a"), "\"v3\"");
        Answers.conditional(request("GET", "/api/v1/things/42", null), first.proxy(), json);
        String tag = first.headers.getFirst(HttpHeaders.ETAG).toString();
        assertTrue(tag.startsWith("\"v3."), tag);
        assertEquals(200, first.status);
        assertArrayEquals(json.writeValueAsBytes(new Thing("a")), (byte[]) first.entity);

        FakeResponse again = new FakeResponse(200, new Thing("a"), "\"v3\"");
        Answers.conditional(request("GET", "/api/v1/things/42", "W/" + tag), again.proxy(), json);
        assertEquals(304, again.status);
        assertNull(again.entity);
        assertEquals(tag, again.headers.getFirst(HttpHeaders.ETAG));

        FakeResponse changed = new FakeResponse(200, new Thing("b"), "\"v3\"");
        Answers.conditional(request("GET", "/api/v1/things/42", tag), changed.proxy(), json);
        assertEquals(200, changed.status);
    }

    @Test
    void writesErrorsAndPathsOutsideTheApiAreLeftAlone() throws Exception {
        ObjectMapper json = new ObjectMapper();
        for (var call : List.of(request("PUT", "/api/v1/things/42", "*"), request("GET", "/q/health", "*"))) {
            FakeResponse r = new FakeResponse(200, new Thing("a"), null);
            Answers.conditional(call, r.proxy(), json);
            assertEquals(200, r.status);
            assertFalse(r.headers.containsKey(HttpHeaders.ETAG));
        }
        FakeResponse missing = new FakeResponse(404, new Thing("problem"), null);
        Answers.conditional(request("GET", "/api/v1/things/42", "*"), missing.proxy(), json);
        assertEquals(404, missing.status);
    }

    private static ContainerRequestContext request(String method, String path, String ifNoneMatch) {
        UriInfo uri = (UriInfo) Proxy.newProxyInstance(AnswersTest.class.getClassLoader(), new Class<?>[]{UriInfo.class},
                (p, m, args) -> m.getName().equals("getPath") ? path : unexpected(m.getName()));
        return (ContainerRequestContext) Proxy.newProxyInstance(AnswersTest.class.getClassLoader(),
                new Class<?>[]{ContainerRequestContext.class}, (p, m, args) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getUriInfo" -> uri;
                    case "getHeaderString" -> HttpHeaders.IF_NONE_MATCH.equals(args[0]) ? ifNoneMatch : null;
                    default -> unexpected(m.getName());
                });
    }

    private static Object unexpected(String method) {
        throw new UnsupportedOperationException(method);
    }

    /** The parts of a response context the filter reads and writes. */
    private static final class FakeResponse {
        int status;
        Object entity;
        final MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();

        FakeResponse(int status, Object entity, String etag) {
            this.status = status;
            this.entity = entity;
            if (etag != null) {
                headers.putSingle(HttpHeaders.ETAG, etag);
            }
        }

        ContainerResponseContext proxy() {
            return (ContainerResponseContext) Proxy.newProxyInstance(AnswersTest.class.getClassLoader(),
                    new Class<?>[]{ContainerResponseContext.class}, (p, m, args) -> switch (m.getName()) {
                        case "getStatus" -> status;
                        case "setStatus" -> {
                            status = (Integer) args[0];
                            yield null;
                        }
                        case "hasEntity" -> entity != null;
                        case "getEntity" -> entity;
                        case "setEntity" -> {
                            entity = args[0];
                            yield null;
                        }
                        case "getEntityAnnotations" -> new java.lang.annotation.Annotation[0];
                        case "getHeaders" -> headers;
                        case "getHeaderString" -> headers.containsKey(args[0]) ? headers.getFirst((String) args[0]).toString() : null;
                        default -> unexpected(m.getName());
                    });
        }
    }
}
