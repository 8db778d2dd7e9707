package fr.passerelle.referral.service;

import fr.passerelle.referral.config.ReferralConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signing secrets: made here ({@code whsec_} + base64 of 32 random bytes, Standard Webhooks), sealed at rest with
 * AES-256-GCM under {@code referral.webhooks.secret-key} (the subscription id as associated data, so a sealed secret
 * copied to another row does not open), opened only to sign.
 */
@ApplicationScoped
public class WebhookSecrets {

    public static final String PREFIX = "whsec_";
    private static final String SEALED_V1 = "v1:";
    private static final int IV_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    ReferralConfig config;

    private volatile SecretKeySpec key;

    /** A malformed key stops the start; a missing one is said once (creation then answers 503). */
    void checkAtStart(@jakarta.enterprise.event.Observes io.quarkus.runtime.StartupEvent ev) {
        if (key().isEmpty()) {
            org.jboss.logging.Logger.getLogger(WebhookSecrets.class).warn("referral.webhooks.secret-key is not set"
                    + " (REFERRAL_WEBHOOKS_SECRET_KEY): webhook subscriptions cannot be created and none is delivered");
        }
    }

    /** The sealing key, or empty when none is configured (creation then answers 503). */
    Optional<SecretKeySpec> key() {
        if (key == null) {
            Optional<String> configured = config.webhooks().secretKey().filter(s -> !s.isBlank());
            if (configured.isEmpty()) {
                return Optional.empty();
            }
            byte[] raw = Base64.getDecoder().decode(configured.get().trim());
            if (raw.length != 32) {
                throw new IllegalStateException("referral.webhooks.secret-key must be the base64 of 32 bytes");
            }
            key = new SecretKeySpec(raw, "AES");
        }
        return Optional.of(key);
    }

    public boolean canSeal() {
        return key().isPresent();
    }

    public static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getEncoder().encodeToString(bytes);
    }

    public String seal(String secret, UUID subscriptionId) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key().orElseThrow(), new GCMParameterSpec(128, iv));
            c.updateAAD(subscriptionId.toString().getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = c.doFinal(secret.getBytes(StandardCharsets.US_ASCII));
            return SEALED_V1 + Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal a webhook secret", e);
        }
    }

    public String open(String sealed, UUID subscriptionId) {
        if (!sealed.startsWith(SEALED_V1)) {
            throw new IllegalStateException("unknown sealed secret format");
        }
        try {
            byte[] all = Base64.getDecoder().decode(sealed.substring(SEALED_V1.length()));
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key().orElseThrow(() -> new IllegalStateException("no secret key configured")),
                    new GCMParameterSpec(128, all, 0, IV_BYTES));
            c.updateAAD(subscriptionId.toString().getBytes(StandardCharsets.US_ASCII));
            return new String(c.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot open a webhook secret (wrong key?)", e);
        }
    }

    /**
     * {@code v1,<base64 HMAC-SHA256 of "{id}.{timestamp}.{body}">} keyed with the secret's decoded bytes (Standard
     * Webhooks).
     */
    public static String signature(String secret, String messageId, long timestampSeconds, byte[] body) {
        byte[] keyBytes = Base64.getDecoder().decode(secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(keyBytes, "HmacSHA256"));
            mac.update((messageId + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        } finally {
            Arrays.fill(keyBytes, (byte) 0);
        }
    }
}
