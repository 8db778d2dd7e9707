package fr.passerelle.e2e.security;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import fr.passerelle.e2e.support.Jwts;
import fr.passerelle.e2e.support.Keycloak;
import fr.passerelle.e2e.support.Run;
import fr.passerelle.e2e.support.Stack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Category 1: bad and misplaced credentials, each sent to the gateway (one directory and one referral
 * route) and straight to both services. Every one must answer 401 problem+json (400 for a token in the
 * query string), never 2xx, never 5xx; the URLs planted in jku/x5u headers must never be fetched.
 */
final class TokenAttacks {

    /** One kind of attack: how it dresses a GET of the route, and the statuses that mean it held. */
    record Attack(String name, Set<Integer> held, Dress dress) {
    }

    interface Dress {
        RawHttp.Request apply(String base, String path);
    }

    /** The routes each attack is sent to: the gateway (both upstreams) and each service directly. */
    static final List<String[]> TARGETS = List.of(
            new String[] {Exchange.GATEWAY, "/api/v1/programmes/codes"},
            new String[] {Exchange.GATEWAY, "/api/v1/cases?size=1"},
            new String[] {Exchange.DIRECTORY, "/api/v1/programmes/codes"},
            new String[] {Exchange.REFERRAL, "/api/v1/cases?size=1"});

    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private final AtomicInteger listenerHits = new AtomicInteger();
    private HttpServer listener;
    private final List<String> temporaryClients = new ArrayList<>();

    /** Runs every attack against every target into the tally; returns how many kinds were tried. */
    int run(Tally tally) throws Exception {
        Path dir = Files.createTempDirectory("e2e-attacker");
        try {
            startListener();
            long t0 = System.nanoTime();
            List<Attack> attacks = attacks(dir);
            System.out.printf("security: token attacks: %d kinds built in %d ms (keys, Keycloak clients, a token left to expire)%n",
                    attacks.size(), (System.nanoTime() - t0) / 1_000_000);
            List<Runnable> tasks = new ArrayList<>();
            for (Attack attack : attacks) {
                for (String[] target : TARGETS) {
                    tasks.add(() -> {
                        RawHttp.Request request = attack.dress().apply(target[0], target[1]);
                        RawHttp.Answer answer = Exchange.send(null, request);
                        tally.record(attack.name() + " → " + target[0], request, answer, judge(attack, answer));
                    });
                }
            }
            Exchange.parallel(tasks, 4);
            // The planted URLs: nothing may have fetched them (give a late fetch a moment to arrive).
            Exchange.sleep(500);
            RawHttp.Request none = RawHttp.Request.of("GET", "http://127.0.0.1:" + listener.getAddress().getPort(), "/");
            tally.record("jku/x5u listener", none, new RawHttp.Answer(0, Map.of(), new byte[0], 0, null),
                    listenerHits.get() == 0 ? List.of()
                            : List.of("the URL planted in a jku/x5u header was fetched " + listenerHits.get() + " time(s)"));
            return attacks.size();
        } finally {
            if (listener != null) {
                listener.stop(0);
            }
            deleteTemporaryClients();
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static List<String> judge(Attack attack, RawHttp.Answer answer) {
        List<String> problems = new ArrayList<>();
        if (!attack.held().contains(answer.status())) {
            problems.add("expected " + attack.held() + ", got " + (answer.status() < 0 ? "no answer" : answer.status()));
        }
        if (answer.status() >= 400) {
            problems.addAll(Exchange.problemJson(answer));
        }
        if (answer.status() >= 500) {
            problems.add("server error");
        }
        problems.addAll(Exchange.internals(answer));
        return problems;
    }

    private void startListener() throws IOException {
        listener = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        listener.createContext("/", exchange -> {
            listenerHits.incrementAndGet();
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        listener.start();
    }

    // ------------------------------------------------------------------------------------------ the attacks

    private List<Attack> attacks(Path dir) throws Exception {
        // The slow parts first, so that they overlap: keytool runs while Keycloak signs a short-lived token.
        Process keytool = Attacker.start(dir);
        String shortLived = clientToken("short-lived", List.of("basic", "roles", "profile", "passerelle-api", "passerelle-attachment"),
                Map.of("access.token.lifespan", "2"));
        String real = Keycloak.freshToken("referent1");
        String other = Keycloak.freshToken("referent2");
        String[] parts = real.split("\\.");
        ObjectNode header = Jwts.header(real);
        ObjectNode claims = Jwts.claims(real);
        String kid = header.path("kid").asText();
        long now = Instant.now().getEpochSecond();
        Attacker attacker = Attacker.finish(keytool, dir);
        String listenerUrl = "http://127.0.0.1:" + listener.getAddress().getPort();

        List<Attack> list = new ArrayList<>();
        // Missing, empty, malformed.
        list.add(unauthorised("no token", (b, p) -> RawHttp.Request.of("GET", b, p)));
        list.add(authorization("empty bearer", "Bearer"));
        list.add(authorization("bearer with blank token", "Bearer  "));
        list.add(authorization("garbage bearer", "Bearer not-a-jwt"));
        list.add(authorization("three empty parts", "Bearer .."));
        list.add(authorization("a.b.c", "Bearer a.b.c"));
        list.add(authorization("header only", "Bearer " + parts[0]));
        list.add(authorization("JWE-shaped five parts", "Bearer " + parts[0] + ".." + B64URL.encodeToString(new byte[12]) + "."
                + parts[1] + "." + B64URL.encodeToString(new byte[16])));
        list.add(authorization("base64 JSON, not a JWT", "Bearer " + B64URL.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8))));
        // alg none in its spellings, with and without the original signature.
        for (String none : List.of("none", "None", "NONE", "nOnE")) {
            list.add(bearer("alg " + none, Jwts.unsigned(header.deepCopy().put("alg", none), claims)));
        }
        list.add(bearer("alg none keeping Keycloak's signature",
                Jwts.encode(header.deepCopy().put("alg", "none")) + "." + parts[1] + "." + parts[2]));
        // HMAC signed with the realm's RSA public key (algorithm confusion), in its usual encodings.
        RealmKey realmKey = RealmKey.fetch(kid);
        for (String alg : List.of("HS256", "HS384", "HS512")) {
            for (Map.Entry<String, byte[]> encoding : realmKey.encodings().entrySet()) {
                list.add(bearer(alg + " with the realm key as " + encoding.getKey(),
                        hmac(header.deepCopy().put("alg", alg), claims, alg, encoding.getValue())));
            }
        }
        // Signatures stripped, swapped; payloads edited under Keycloak's signature.
        list.add(bearer("signature stripped", parts[0] + "." + parts[1] + "."));
        list.add(bearer("signature stripped, no last dot", parts[0] + "." + parts[1]));
        list.add(bearer("signature of another token", parts[0] + "." + parts[1] + "." + other.split("\\.")[2]));
        list.add(bearer("payload padded base64", parts[0] + "." + parts[1] + "==." + parts[2]));
        ArrayNode roles = Jwts.JSON.createArrayNode().add("referent").add("coordinator").add("partner").add("directory-admin").add("auditor");
        list.add(edited("roles edited", parts, claims.deepCopy().set("realm_access", Jwts.JSON.createObjectNode().set("roles", roles))));
        list.add(edited("uai edited", parts, claims.deepCopy().put("uai", "0692326D")));
        list.add(edited("organisation added", parts, claims.deepCopy().put("organisation", "07a23e44-05c2-4269-8757-ada2582fb768")));
        list.add(edited("platform added", parts, claims.deepCopy().put("platform", "43c92e43-b7d1-4693-a06d-67f3c4f0699b")));
        list.add(edited("exp extended", parts, claims.deepCopy().put("exp", now + 86_400)));
        list.add(edited("expired", parts, claims.deepCopy().put("iat", now - 900).put("exp", now - 600)));
        list.add(edited("nbf in the future", parts, claims.deepCopy().put("nbf", now + 3_600)));
        list.add(edited("iat in the future", parts, claims.deepCopy().put("iat", now + 3_600).put("exp", now + 3_900)));
        list.add(edited("wrong audience", parts, claims.deepCopy().put("aud", "account")));
        list.add(edited("issuer edited", parts, claims.deepCopy().put("iss", "http://attacker.example/realms/passerelle")));
        ObjectNode noSub = claims.deepCopy();
        noSub.remove("sub");
        list.add(edited("missing sub", parts, noSub));
        // Signed by a key of our own.
        list.add(bearer("foreign key with the realm's kid", Jwts.signRs256(header, claims, attacker.key)));
        list.add(bearer("foreign issuer and key", Jwts.signRs256(header.deepCopy().put("kid", "attacker"),
                claims.deepCopy().put("iss", "http://127.0.0.1:1/realms/passerelle"), attacker.key)));
        list.add(bearer("unknown kid", Jwts.signRs256(header.deepCopy().put("kid", "unknown-" + Run.letters(8)), claims, attacker.key)));
        list.add(bearer("kid path traversal, HMAC with an empty key", hmac(header.deepCopy().put("alg", "HS256")
                .put("kid", "../../../../../../../dev/null"), claims, "HS256", new byte[1])));
        list.add(bearer("kid SQL-like, HMAC with the injected key", hmac(header.deepCopy().put("alg", "HS256")
                .put("kid", "x' UNION SELECT 'key' -- "), claims, "HS256", "key".getBytes(StandardCharsets.US_ASCII))));
        list.add(bearer("jku to a local listener", Jwts.signRs256(header.deepCopy().put("kid", "attacker")
                .put("jku", listenerUrl + "/jwks.json"), claims, attacker.key)));
        list.add(bearer("x5u to a local listener", Jwts.signRs256(header.deepCopy().put("kid", "attacker")
                .put("x5u", listenerUrl + "/cert.pem"), claims, attacker.key)));
        list.add(bearer("jwk embedded", Jwts.signRs256(header.deepCopy().put("kid", "attacker")
                .set("jwk", attacker.jwk()), claims, attacker.key)));
        list.add(bearer("x5c embedded", Jwts.signRs256(header.deepCopy().put("kid", "attacker")
                .set("x5c", Jwts.JSON.createArrayNode().add(attacker.certificate())), claims, attacker.key)));
        list.add(bearer("crit header", Jwts.signRs256(header.deepCopy()
                .set("crit", Jwts.JSON.createArrayNode().add("urn:attacker:must-understand")), claims, attacker.key)));
        // Real tokens of the wrong kind, realm or client.
        Map<String, Object> grant = Keycloak.passwordGrant("passerelle-cli", "referent1", "referent1", "openid").then().statusCode(200)
                .extract().jsonPath().getMap("$");
        list.add(bearer("ID token", (String) grant.get("id_token")));
        list.add(bearer("refresh token", (String) grant.get("refresh_token")));
        list.add(bearer("master realm's token", Keycloak.adminToken()));
        list.add(bearer("client without the API audience", clientToken("no-audience",
                List.of("basic", "roles", "profile", "passerelle-attachment"), Map.of())));
        long exp = Jwts.claims(shortLived).path("exp").asLong();
        Stack.await("the short-lived token to expire", Duration.ofSeconds(15), () -> Instant.now().getEpochSecond() > exp + 1);
        list.add(bearer("expired, signed by Keycloak", shortLived));
        // The right token in the wrong place or shape.
        String valid = Run.token(Exchange.token("referent1"));
        list.add(new Attack("token in the query string", Set.of(400),
                (b, p) -> RawHttp.Request.of("GET", b, p + (p.contains("?") ? "&" : "?") + "access_token=" + valid)));
        list.add(new Attack("token in the query string and the header", Set.of(400),
                (b, p) -> RawHttp.Request.of("GET", b, p + (p.contains("?") ? "&" : "?") + "access_token=" + valid).bearer(valid)));
        list.add(unauthorised("token in a cookie only", (b, p) -> RawHttp.Request.of("GET", b, p)
                .header("Cookie", "access_token=" + valid + "; q_session=" + valid)));
        list.add(new Attack("two Authorization headers, valid first", Set.of(400, 401), (b, p) -> RawHttp.Request.of("GET", b, p)
                .bearer(valid).header("Authorization", "Bearer not-a-jwt")));
        list.add(new Attack("two Authorization headers, valid last", Set.of(400, 401), (b, p) -> RawHttp.Request.of("GET", b, p)
                .header("Authorization", "Bearer not-a-jwt").bearer(valid)));
        list.add(authorization("lowercase bearer, forged token", "bearer " + Jwts.unsigned(header.deepCopy().put("alg", "none"), claims)));
        list.add(authorization("Basic with the demo user's password", "Basic "
                + Base64.getEncoder().encodeToString("referent1:referent1".getBytes(StandardCharsets.UTF_8))));
        list.add(authorization("valid token after a second word", "Bearer x " + valid));
        list.add(authorization("valid token with trailing junk", "Bearer " + valid + "x"));
        list.add(authorization("very long token (7 KB)", "Bearer " + parts[0] + "." + B64URL.encodeToString(new byte[5_000]) + "." + parts[2]));
        list.add(new Attack("huge token (64 KB)", Set.of(401, 431), (b, p) -> RawHttp.Request.of("GET", b, p)
                .header("Authorization", "Bearer " + parts[0] + "." + B64URL.encodeToString(new byte[48_000]) + "." + parts[2])));
        return list;
    }

    private static Attack unauthorised(String name, Dress dress) {
        return new Attack(name, Set.of(401), dress);
    }

    private static Attack authorization(String name, String value) {
        return unauthorised(name, (b, p) -> RawHttp.Request.of("GET", b, p).header("Authorization", value));
    }

    private static Attack bearer(String name, String token) {
        return authorization(name, "Bearer " + Run.token(token));
    }

    /** Keycloak's header and signature over other claims. */
    private static Attack edited(String name, String[] parts, ObjectNode claims) {
        return bearer(name + " (original signature)", parts[0] + "." + Jwts.encode(claims) + "." + parts[2]);
    }

    private static String hmac(ObjectNode header, ObjectNode claims, String alg, byte[] key) {
        String input = Jwts.encode(header) + "." + Jwts.encode(claims);
        try {
            String javaAlg = "Hmac" + alg.replace("HS", "SHA");
            Mac mac = Mac.getInstance(javaAlg);
            mac.init(new SecretKeySpec(key, javaAlg));
            return input + "." + B64URL.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An access token of referent1 from a temporary public client (deleted after the run). */
    private String clientToken(String name, List<String> scopes, Map<String, String> attributes) {
        String admin = Keycloak.adminToken();
        if (temporaryClients.isEmpty()) {
            Keycloak.deleteClientsStartingWith(admin, "e2e-sec-");
        }
        String clientId = "e2e-sec-" + name + "-" + Run.letters(6);
        temporaryClients.add(Keycloak.createPublicClient(admin, clientId, scopes, attributes));
        return Keycloak.accessToken(Keycloak.passwordGrant(clientId, "referent1", "referent1", null), "referent1 via " + clientId);
    }

    private void deleteTemporaryClients() {
        if (!temporaryClients.isEmpty()) {
            String admin = Keycloak.adminToken();
            temporaryClients.forEach(id -> Keycloak.deleteClient(admin, id));
        }
    }

    // ------------------------------------------------------------------------------------------ key material

    /** The realm's RSA signing key, as published in its JWKS, in the encodings a confused verifier might use as an HMAC key. */
    record RealmKey(Map<String, Object> jwk, RSAPublicKey key) {

        static RealmKey fetch(String kid) throws GeneralSecurityException {
            List<Map<String, Object>> keys = given().get(Stack.ISSUER + "/protocol/openid-connect/certs").then().statusCode(200)
                    .extract().jsonPath().getList("keys");
            Map<String, Object> jwk = keys.stream().filter(k -> kid.equals(k.get("kid"))).findFirst()
                    .orElseThrow(() -> new AssertionError("the realm's JWKS has no key " + kid));
            Base64.Decoder d = Base64.getUrlDecoder();
            RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                    new BigInteger(1, d.decode((String) jwk.get("n"))), new BigInteger(1, d.decode((String) jwk.get("e")))));
            return new RealmKey(jwk, key);
        }

        Map<String, byte[]> encodings() {
            String der64 = Base64.getEncoder().encodeToString(key.getEncoded());
            String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(key.getEncoded()) + "\n-----END PUBLIC KEY-----\n";
            try {
                Map<String, byte[]> encodings = new java.util.LinkedHashMap<>();
                encodings.put("PEM", pem.getBytes(StandardCharsets.US_ASCII));
                encodings.put("DER base64", der64.getBytes(StandardCharsets.US_ASCII));
                encodings.put("JWK JSON", Jwts.JSON.writeValueAsBytes(jwk));
                encodings.put("modulus bytes", Base64.getUrlDecoder().decode((String) jwk.get("n")));
                return encodings;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A key pair and self-signed certificate of our own, made by the JDK's keytool. */
    record Attacker(PrivateKey key, X509Certificate cert) {

        static Process start(Path dir) throws IOException {
            return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-alias", "attacker", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                    "-dname", "CN=attacker", "-storetype", "PKCS12", "-keystore", dir.resolve("attacker.p12").toString(),
                    "-storepass", "attacker", "-keypass", "attacker").redirectErrorStream(true).start();
        }

        static Attacker finish(Process keytool, Path dir) throws Exception {
            Path store = dir.resolve("attacker.p12");
            if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            }
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (var in = Files.newInputStream(store)) {
                ks.load(in, "attacker".toCharArray());
            }
            return new Attacker((PrivateKey) ks.getKey("attacker", "attacker".toCharArray()),
                    (X509Certificate) ks.getCertificate("attacker"));
        }

        ObjectNode jwk() {
            RSAPublicKey pub = (RSAPublicKey) cert.getPublicKey();
            return Jwts.JSON.createObjectNode().put("kty", "RSA").put("kid", "attacker").put("use", "sig").put("alg", "RS256")
                    .put("n", B64URL.encodeToString(unsigned(pub.getModulus()))).put("e", B64URL.encodeToString(unsigned(pub.getPublicExponent())));
        }

        String certificate() throws GeneralSecurityException {
            return Base64.getEncoder().encodeToString(cert.getEncoded());
        }

        private static byte[] unsigned(BigInteger n) {
            byte[] bytes = n.toByteArray();
            return bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
        }
    }
}
