package fr.passerelle.directory.rest;

import static fr.passerelle.directory.Api.admin;
import static fr.passerelle.directory.Api.referent;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.passerelle.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The directory parses input as strictly as the referral service: control characters, lenient JSON, bodies that are
 * not UTF-8 JSON, undeclared or repeated query parameters, weak or wildcard If-Match: 400/412/415/428, nothing written.
 */
@QuarkusTest
class StrictInputTest {

    private static final List<String> TABLES = List.of("organisation", "programme", "platform", "platform_organisation");
    private static final String MATCH = "{\"age\":17,\"schoolLevel\":\"NONE\",\"schoolingStatus\":\"LEFT_SCHOOL\",\"communeCode\":\"69266\"}";

    @Inject
    AgroalDataSource db;

    private static Map<String, Object> organisation(String name) {
        return DirectoryEditingTest.organisation(name);
    }

    @Test
    void controlCharactersInTextAreRefusedNamingTheField() {
        Map<String, Object> nul = organisation("Les Passeurs\u0000");
        nothingWritten(() -> admin().body(nul).post("/api/v1/organisations").then().statusCode(400)
                .body("violations[0].field", equalTo("name")).body("violations[0].code", equalTo("CONTROL_CHARACTER")));
        Map<String, Object> nested = organisation("Les Passeurs de Fourvière");
        nested.put("contacts", List.of(Map.of("kind", "EMAIL", "value", "contact@example.org", "label", "Accueil\u0007")));
        nothingWritten(() -> admin().body(nested).post("/api/v1/organisations").then().statusCode(400)
                .body("violations[0].field", equalTo("contacts[0].label")));
        Map<String, Object> tab = organisation("Les Passeurs\tde Fourvière");
        nothingWritten(() -> admin().body(tab).post("/api/v1/organisations").then().statusCode(400)
                .body("violations[0].field", equalTo("name")));
        // A description is free text: line breaks are kept.
        Map<String, Object> described = organisation("Les Passeurs de Fourvière");
        described.put("description", "Accueil des collégiens.\n\t- le mercredi\r\n\t- le samedi");
        admin().body(described).post("/api/v1/organisations").then().statusCode(201)
                .body("description", equalTo("Accueil des collégiens.\n\t- le mercredi\r\n\t- le samedi"));
    }

    @Test
    void lenientJsonIsRefused() {
        nothingWritten(() -> referent().body(MATCH + " garbage").post("/api/v1/programmes/match").then().statusCode(400)
                .body("violations[0].code", equalTo("MALFORMED_JSON")));
        nothingWritten(() -> referent().body(MATCH + "{}").post("/api/v1/programmes/match").then().statusCode(400)
                .body("violations[0].code", equalTo("TRAILING_DATA")));
        nothingWritten(() -> referent().body("{\"age\":12," + MATCH.substring(1)).post("/api/v1/programmes/match").then()
                .statusCode(400).body("violations[0].field", equalTo("age")).body("violations[0].code", equalTo("DUPLICATE_PROPERTY")));
        nothingWritten(() -> referent().body(MATCH.replace("69266", "69266\\u0000")).post("/api/v1/programmes/match").then()
                .statusCode(400).body("violations[0].field", equalTo("communeCode")));
        referent().body(MATCH).post("/api/v1/programmes/match").then().statusCode(200);
    }

    @Test
    void aBodyMustBeUtf8JsonAndSaySo() {
        String body = "{\"name\":\"Les Passeurs A@@B\",\"kind\":\"ASSOCIATION\",\"departement\":\"69\",\"academie\":\"LYON\","
                + "\"address\":{\"communeCode\":\"69382\"}}";
        byte[] overlong = body.replace("@@", "\u0001\u0002").getBytes(StandardCharsets.UTF_8);
        int at = body.indexOf("@@");
        overlong[at] = (byte) 0xC0;
        overlong[at + 1] = (byte) 0xAF;
        Map<String, String> json = Map.of("Content-Type", "application/json");
        Answer bad = raw("POST", "/api/v1/organisations", json, overlong);
        assertEquals(400, bad.status, bad.body);
        assertEquals("INVALID_ENCODING", JsonPath.from(bad.body).getString("violations[0].code"));
        Answer loneSurrogate = raw("POST", "/api/v1/organisations", json, body.replace("@@", "\\ud800").getBytes(StandardCharsets.UTF_8));
        assertEquals(400, loneSurrogate.status, loneSurrogate.body);
        assertEquals("name", JsonPath.from(loneSurrogate.body).getString("violations[0].field"));
        Answer untyped = raw("POST", "/api/v1/organisations", Map.of(), body.getBytes(StandardCharsets.UTF_8));
        assertEquals(415, untyped.status, untyped.body);
        assertEquals(415, JsonPath.from(untyped.body).getInt("status"));
        Answer latin1 = raw("POST", "/api/v1/programmes/match", Map.of("Content-Type", "application/json;charset=windows-1252"),
                MATCH.getBytes(StandardCharsets.UTF_8));
        assertEquals(415, latin1.status, latin1.body);
        assertEquals(0L, count("select count(*) from organisation where name like 'Les Passeurs A%'"));
    }

    @Test
    void queryParametersAreDeclaredSingleAndClean() {
        badParameter("/api/v1/programmes?categorie=MENTORING", "categorie", "UNKNOWN_PARAMETER");
        badParameter("/api/v1/programmes?q=relais&q=e2c", "q", "REPEATED_PARAMETER");
        badParameter("/api/v1/programmes?status=ACTIVE%00", "status", "CONTROL_CHARACTER");
        badParameter("/api/v1/organisations?q=%00", "q", "CONTROL_CHARACTER");
        badParameter("/api/v1/platforms/" + fr.passerelle.directory.Api.LYON_PLATFORM + "?expand=members", "expand", "UNKNOWN_PARAMETER");
        badParameter("/api/v1/territories/departements?page=2", "page", "UNKNOWN_PARAMETER");
        // Typed parameters: the wrong type and a value out of bounds are both 400 naming the parameter, never a 404.
        badParameter("/api/v1/programmes?age=dix-sept", "age", "WRONG_TYPE");
        badParameter("/api/v1/programmes?age=31", "age", "MAX");
        badParameter("/api/v1/platforms?organisation=not-a-uuid", "organisation", "WRONG_TYPE");
        badParameter("/api/v1/programmes?open=yes", "open", "WRONG_TYPE");
        badParameter("/api/v1/organisations?kind=CLUB", "kind", "UNKNOWN_VALUE");
        badParameter("/api/v1/programmes?status=OPEN", "status", "UNKNOWN_VALUE");
        badParameter("/api/v1/platforms?size=ten", "size", "WRONG_TYPE");
        badParameter("/api/v1/organisations?size=101", "size", "MAX");
        badParameter("/api/v1/territories/communes?size=0", "size", "MIN");
        badParameter("/api/v1/territories/communes?page=-1", "page", "MIN");
        badParameter("/api/v1/programmes?page=100001", "page", "MAX");
        badParameter("/api/v1/territories/communes?departement=6", "departement", "PATTERN");
        badParameter("/api/v1/organisations?departement=069", "departement", "PATTERN");
        badParameter("/api/v1/programmes?commune=Lyon", "commune", "PATTERN");
        badParameter("/api/v1/territories/communes?q=" + "x".repeat(101), "q", "SIZE");
        // HSDS keeps its own parameter names (search, page, per_page, organization_id, taxonomy_term_id).
        badParameter("/api/v1/hsds/services?size=10", "size", "UNKNOWN_PARAMETER");
        badParameter("/api/v1/hsds/services?per_page=10&per_page=20", "per_page", "REPEATED_PARAMETER");
        referent().get("/api/v1/hsds/services?search=relais&page=1&per_page=10&organization_id="
                + fr.passerelle.directory.Api.APPRENTIS_AUTEUIL).then().statusCode(200);
        referent().get("/api/v1/programmes?q=relais&category=MENTORING&departement=69&commune=69266&age=15"
                + "&schoolingStatus=ENROLLED&status=ACTIVE&open=true&page=0&size=5").then().statusCode(200);
        referent().get("/api/v1/organisations?q=mission&kind=MISSION_LOCALE&departement=69&page=0&size=5").then().statusCode(200);
        referent().get("/api/v1/platforms?organisation=" + fr.passerelle.directory.Api.APPRENTIS_AUTEUIL + "&page=0&size=5")
                .then().statusCode(200);
        referent().get("/api/v1/territories/communes?q=Villeur&departement=69&page=0&size=5").then().statusCode(200)
                .body("items[0].code", equalTo("69266"));
        nothingWritten(() -> admin().body(organisation("Les Passeurs de Saint-Jean")).post("/api/v1/organisations?draft=true")
                .then().statusCode(400).body("violations[0].field", equalTo("draft")));
    }

    @Test
    void onlyTheCurrentStrongEtagUnlocksAnUpdateOrArchive() {
        String id = admin().body(organisation("Les Passeurs de la Croix-Rousse")).post("/api/v1/organisations")
                .then().statusCode(201).header("ETag", "\"v0\"").extract().path("id");
        String path = "/api/v1/organisations/" + id;
        Map<String, Object> changed = organisation("Les Passeurs de la Croix-Rousse et de Caluire");
        nothingWritten(() -> admin().header("If-Match", "W/\"v0\"").body(changed).put(path).then().statusCode(412));
        nothingWritten(() -> admin().header("If-Match", "*").body(changed).put(path).then().statusCode(428));
        nothingWritten(() -> admin().header("If-Match", "W/\"v0\"").delete(path).then().statusCode(412));
        nothingWritten(() -> admin().header("If-Match", "*").delete(path).then().statusCode(428));
        referent().get(path).then().statusCode(200).header("ETag", "\"v0\"").body("archived", equalTo(false))
                .body("name", equalTo("Les Passeurs de la Croix-Rousse"));
        admin().header("If-Match", "\"v0\"").body(changed).put(path).then().statusCode(200).header("ETag", "\"v1\"");
    }

    private void badParameter(String pathAndQuery, String field, String code) {
        nothingWritten(() -> referent().urlEncodingEnabled(false).get(pathAndQuery).then().statusCode(400)
                .body("violations[0].field", equalTo(field)).body("violations[0].code", equalTo(code)));
    }

    private void nothingWritten(Supplier<ValidatableResponse> refused) {
        Map<String, Long> before = counts();
        refused.get().contentType("application/problem+json").body("requestId", notNullValue());
        assertEquals(before, counts());
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : TABLES) {
            // Row count and the sum of versions: an update changes no count but moves a version.
            counts.put(table, count("select count(*) from " + table));
            if (!table.equals("platform_organisation")) {
                counts.put(table + ".versions", count("select coalesce(sum(version), 0) from " + table));
            }
        }
        return counts;
    }

    private long count(String sql) {
        try (Connection c = db.getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Answer(int status, String body) {
    }

    /** Bytes and headers exactly as given (REST Assured would add a Content-Type). */
    private static Answer raw(String method, String path, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                .header("Authorization", "Bearer " + TestTokens.directoryAdmin()).header("Accept", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
