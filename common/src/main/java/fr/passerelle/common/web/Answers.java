package fr.passerelle.common.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every service's answers that carry an ETag, in one place: a single object read or written ({@link Versioned}),
 * a created object (Location too), an answer stored for an Idempotency-Key replay, and the conditional GET a
 * service may apply to its reads ({@link #conditional}).
 */
public final class Answers {

    /** Set on an answer replayed for a repeated Idempotency-Key. */
    public static final String IDEMPOTENT_REPLAYED = "Idempotent-Replayed";

    private Answers() {
    }

    /** 200 with the object and the ETag of its version. */
    public static Response ok(Versioned<?> v) {
        return Response.ok(v.body()).header(HttpHeaders.ETAG, ETags.header(v.version())).build();
    }

    /** 201 with the object, its Location and the ETag of its version. */
    public static Response created(String location, Versioned<?> v) {
        return Response.created(URI.create(location)).header(HttpHeaders.ETAG, ETags.header(v.version())).entity(v.body()).build();
    }

    /** 204: a write that answers nothing (archive). */
    public static Response noContent() {
        return Response.noContent().build();
    }

    /** The headers of an answer as stored for replay: Location when given, the ETag of the version when given. */
    public static Map<String, String> headers(String location, Long version) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (location != null) {
            headers.put(HttpHeaders.LOCATION, location);
        }
        if (version != null) {
            headers.put(HttpHeaders.ETAG, ETags.header(version));
        }
        return headers;
    }

    /** An answer kept as status, headers and JSON text, to be given again byte for byte. */
    public interface Stored {
        int status();

        Map<String, String> headers();

        String body();
    }

    /** A stored JSON answer given back: the first answer, or its replay (marked {@value #IDEMPOTENT_REPLAYED}). */
    public static Response stored(Stored answer, boolean replayed) {
        Response.ResponseBuilder b = Response.status(answer.status()).entity(answer.body()).type(MediaType.APPLICATION_JSON_TYPE);
        answer.headers().forEach(b::header);
        if (replayed) {
            b.header(IDEMPOTENT_REPLAYED, "true");
        }
        return b.build();
    }

    /**
     * Conditional GET, for a service's response filter: a read under /api/ that answers 200 with a body gets an
     * ETag, and 304 Not Modified (no body, same ETag) when If-None-Match names it ({@link ETags#noneMatchFails}).
     * A read of one object keeps its version tag followed by a hash of the JSON body ({@code "v3.Xy…"}: If-Match on
     * writes checks the version part, If-None-Match the whole); a read without a version (lists, code lists) is
     * tagged by the hash alone ({@code "h…"}), strong since equal hashes mean byte-identical bodies. The body is
     * serialised once, here, and written as those bytes.
     */
    public static void conditional(ContainerRequestContext request, ContainerResponseContext response, ObjectMapper json)
            throws JsonProcessingException {
        if (!HttpMethod.GET.equals(request.getMethod()) || response.getStatus() != Response.Status.OK.getStatusCode()
                || !response.hasEntity() || !request.getUriInfo().getPath().startsWith("/api/")) {
            return;
        }
        byte[] body = json.writeValueAsBytes(response.getEntity());
        String etag = representationTag(response.getHeaderString(HttpHeaders.ETAG), body);
        response.setEntity(body, response.getEntityAnnotations(), MediaType.APPLICATION_JSON_TYPE);
        response.getHeaders().putSingle(HttpHeaders.ETAG, etag);
        if (ETags.noneMatchFails(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), etag)) {
            response.setStatus(Response.Status.NOT_MODIFIED.getStatusCode());
            response.setEntity(null);
            response.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
        }
    }

    /**
     * The ETag of a read: its version tag (when it has one) with a hash of the body, or the hash alone. A read shows
     * more than its record's version (a programme shows whether its organisation operates), so the version alone
     * would let a client keep a stale copy.
     */
    public static String representationTag(String versionTag, byte[] body) {
        return versionTag == null ? "\"h" + hash(body) + "\"" : ETags.withRepresentation(versionTag, hash(body));
    }

    /** 128 bits of SHA-256, base64url: enough that two different bodies never share a tag in practice. */
    private static String hash(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
