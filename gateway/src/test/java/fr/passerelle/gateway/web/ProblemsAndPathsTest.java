package fr.passerelle.gateway.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class ProblemsAndPathsTest {

    @Test
    void theProblemBodyIsValidJsonEvenWithAnOddPath() {
        JsonObject body = new JsonObject(Problems.body(Problems.Kind.NOT_FOUND, "/api/v1/\"x\\y\u0001", "rid-1"));
        assertEquals("https://passerelle.example.org/problems/not-found", body.getString("type"));
        assertEquals(404, body.getInteger("status"));
        assertEquals("/api/v1/\"x\\y\u0001", body.getString("instance"));
        assertEquals("rid-1", body.getString("requestId"));
        assertEquals(java.util.List.of("type", "title", "status", "detail", "instance", "requestId"), java.util.List.copyOf(body.fieldNames()));
    }

    @Test
    void pathsThatCouldMeanSomethingElseUpstreamAreRefused() {
        assertTrue(RequestChecks.acceptablePath("/api/v1/cases/3fa85f64-5717-4562-b3fc-2c963f66afa6/timeline"));
        assertTrue(RequestChecks.acceptablePath("/api/v1/programmes/%C3%A9t%C3%A9"));
        assertFalse(RequestChecks.acceptablePath("/api/v1/organisations/../cases"));
        assertFalse(RequestChecks.acceptablePath("/api/v1/organisations/%2e%2e/cases"));
        assertFalse(RequestChecks.acceptablePath("/api/v1/organisations/%2F..%2Fcases"));
        assertFalse(RequestChecks.acceptablePath("/api/v1/organisations\\..\\cases"));
        assertFalse(RequestChecks.acceptablePath("/api/v1/organisations/%"));
        assertFalse(RequestChecks.acceptablePath("*"));
        assertFalse(RequestChecks.acceptablePath(null));
    }

    @Test
    void aTokenIsFoundInTheQueryStringWhateverItsCaseOrEncoding() {
        assertFalse(RequestChecks.tokenInQuery(null));
        assertFalse(RequestChecks.tokenInQuery("q=lyon&page=2"));
        assertTrue(RequestChecks.tokenInQuery("access_token=x"));
        assertTrue(RequestChecks.tokenInQuery("q=1&ACCESS_TOKEN=x"));
        assertTrue(RequestChecks.tokenInQuery("q=1&access%5Ftoken=x"));
        assertTrue(RequestChecks.tokenInQuery("q=1&%61ccess_%74oken=x"));
        assertFalse(RequestChecks.tokenInQuery("q=%zz%"));
    }

    @Test
    void controlCharactersInAHeaderValueAreFound() {
        assertFalse(RequestChecks.hasControlCharacter("Bearer abc.def\tghi"));
        assertFalse(RequestChecks.hasControlCharacter("é"));
        assertTrue(RequestChecks.hasControlCharacter("a\u0000b"));
        assertTrue(RequestChecks.hasControlCharacter("a\rb"));
        assertTrue(RequestChecks.hasControlCharacter("a\u007fb"));
    }
}
