package fr.passerelle.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import fr.passerelle.testing.TestTokens;
import io.restassured.specification.RequestSpecification;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every way a token can be wrong answers 401 with a Bearer challenge, and nothing reaches a service. */
@QuarkusTest
class AuthenticationTest {

    @BeforeEach
    void stubs() {
        StubUpstreams.directory.resetAll();
        StubUpstreams.referral.resetAll();
        StubUpstreams.directory.stubFor(com.github.tomakehurst.wiremock.client.WireMock.any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{}")));
        StubUpstreams.referral.stubFor(com.github.tomakehurst.wiremock.client.WireMock.any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{}")));
    }

    @Test
    void noTokenIs401() {
        assertRejected(given(), "Bearer");
    }

    @Test
    void expiredTokenIs401() {
        assertRejected(given().auth().oauth2(TestTokens.user("late").role("referent").expiresIn(-600).sign()), "Bearer error=\"invalid_token\"");
    }

    @Test
    void garbageTokenIs401() {
        assertRejected(given().auth().oauth2("not.a.token"), "Bearer error=\"invalid_token\"");
        assertRejected(given().header("Authorization", "Bearer"), "Bearer");
        assertRejected(given().header("Authorization", "Basic dXNlcjpwYXNz"), "Bearer");
    }

    @Test
    void algNoneTokenIs401() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        long now = System.currentTimeMillis() / 1000;
        String header = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(("{\"iss\":\"" + TestTokens.ISSUER + "\",\"aud\":\"" + TestTokens.AUDIENCE
                + "\",\"sub\":\"intruder\",\"iat\":" + now + ",\"exp\":" + (now + 300)
                + ",\"realm_access\":{\"roles\":[\"auditor\"]}}").getBytes(StandardCharsets.UTF_8));
        assertRejected(given().auth().oauth2(header + "." + payload + "."), "Bearer error=\"invalid_token\"");
    }

    @Test
    void wrongAudienceIs401() {
        assertRejected(given().auth().oauth2(TestTokens.user("u").role("referent").audience("another-api").sign()),
                "Bearer error=\"invalid_token\"");
    }

    @Test
    void wrongIssuerIs401() {
        assertRejected(given().auth().oauth2(TestTokens.user("u").role("referent").issuer("https://evil.test/realms/passerelle").sign()),
                "Bearer error=\"invalid_token\"");
    }

    @Test
    void wrongSignatureIs401() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair other = generator.generateKeyPair();
        long now = System.currentTimeMillis() / 1000;
        String token = Jwt.issuer(TestTokens.ISSUER).audience(TestTokens.AUDIENCE).subject("forger")
                .issuedAt(now).expiresAt(now + 300)
                .claim("realm_access", Map.of("roles", List.of("auditor")))
                .jws().keyId("passerelle-test").sign(other.getPrivate());
        assertRejected(given().auth().oauth2(token), "Bearer error=\"invalid_token\"");
    }

    @Test
    void aValidTokenPasses() {
        given().auth().oauth2(TestTokens.directoryAdmin()).when().get("/api/v1/organisations").then().statusCode(200);
    }

    private static void assertRejected(RequestSpecification request, String challenge) {
        for (String path : List.of("/api/v1/organisations", "/api/v1/cases/1", "/api/v1/unknown")) {
            request.when().get(path)
                    .then().statusCode(401)
                    .header("WWW-Authenticate", is(challenge))
                    .header("X-Request-Id", startsWith(""))
                    .contentType("application/problem+json")
                    .body("status", is(401))
                    .body("type", is("https://passerelle.example.org/problems/unauthorized"))
                    .body("instance", is(path));
        }
        request.contentType("application/json").body("{}").when().post("/api/v1/referrals").then().statusCode(401);
        StubUpstreams.directory.verify(0, anyRequestedFor(anyUrl()));
        StubUpstreams.referral.verify(0, anyRequestedFor(anyUrl()));
    }
}
