package fr.passerelle.e2e.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;

/** Reads and forges compact JWS tokens with the JDK only. */
public final class Jwts {

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private Jwts() {
    }

    public static ObjectNode header(String jwt) {
        return part(jwt, 0);
    }

    public static ObjectNode claims(String jwt) {
        return part(jwt, 1);
    }

    private static ObjectNode part(String jwt, int index) {
        try {
            return (ObjectNode) JSON.readTree(B64D.decode(jwt.split("\\.")[index]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String encode(ObjectNode json) {
        try {
            return B64.encodeToString(JSON.writeValueAsBytes(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** header.claims. with an empty signature. */
    public static String unsigned(ObjectNode header, ObjectNode claims) {
        return encode(header) + "." + encode(claims) + ".";
    }

    /** header.claims signed RS256 with the given key. */
    public static String signRs256(ObjectNode header, ObjectNode claims, PrivateKey key) {
        String signingInput = encode(header) + "." + encode(claims);
        return signingInput + "." + rs256(signingInput, key);
    }

    public static String rs256(String signingInput, PrivateKey key) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return B64.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh RSA key pair that Keycloak has never seen. */
    public static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
