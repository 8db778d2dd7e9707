package fr.passerelle.referral.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * HMAC-SHA256 written out by hand from RFC 2104 over MessageDigest, and the same computed by the openssl command: two
 * implementations independent of the production code (javax.crypto.Mac) to check webhook signatures against.
 */
public final class Hmac {

    private Hmac() {
    }

    public static byte[] sha256(byte[] key, byte[] message) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] k = key.length > 64 ? sha.digest(key) : key;
            byte[] block = new byte[64];
            System.arraycopy(k, 0, block, 0, k.length);
            byte[] ipad = new byte[64];
            byte[] opad = new byte[64];
            for (int i = 0; i < 64; i++) {
                ipad[i] = (byte) (block[i] ^ 0x36);
                opad[i] = (byte) (block[i] ^ 0x5c);
            }
            sha.reset();
            sha.update(ipad);
            byte[] inner = sha.digest(message);
            sha.reset();
            sha.update(opad);
            return sha.digest(inner);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The signed content of Standard Webhooks: "{id}.{timestamp}.{body}", byte for byte. */
    public static byte[] signedContent(String id, String timestamp, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(body);
        return out.toByteArray();
    }

    /** The key bytes of a whsec_ secret. */
    public static byte[] key(String secret) {
        return Base64.getDecoder().decode(secret.substring("whsec_".length()));
    }

    /** openssl's HMAC, or null when openssl is not installed. */
    public static byte[] openssl(byte[] key, byte[] message) {
        try {
            Process p = new ProcessBuilder("openssl", "dgst", "-sha256", "-mac", "HMAC", "-macopt",
                    "hexkey:" + HexFormat.of().formatHex(key), "-binary").redirectErrorStream(false).start();
            p.getOutputStream().write(message);
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            return p.waitFor() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
