package fr.passerelle.directory.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.common.web.ETags;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Conditional GET on every directory read, in one place: a read that answers 200 with a body carries an ETag, and
 * answers 304 Not Modified (no body, same ETag) when If-None-Match names it ({@link ETags#noneMatchFails}: weak
 * comparison, {@code *}, lists).
 * <p>
 * One object's read has the ETag of its version followed by a hash of its JSON body ({@code "v3.Xy…"}): If-Match
 * on writes checks the version part, If-None-Match the whole. Lists, code lists, territories and HSDS reads have no
 * version: their ETag is a hash of the JSON body ({@code "h…"}), strong since equal hashes mean byte-identical
 * bodies. The body is serialised once, here, and written as those bytes.
 */
public class ConditionalGet {

    @Inject
    ObjectMapper json;

    @ServerResponseFilter
    public void conditional(ContainerRequestContext request, ContainerResponseContext response) throws JsonProcessingException {
        if (!HttpMethod.GET.equals(request.getMethod()) || response.getStatus() != Response.Status.OK.getStatusCode()
                || !response.hasEntity() || !request.getUriInfo().getPath().startsWith("/api/")) {
            return;
        }
        String version = response.getHeaderString(HttpHeaders.ETAG);
        byte[] body = json.writeValueAsBytes(response.getEntity());
        // A read shows more than its record's version (the organisation's name and status make a programme open or
        // not): the version alone would let a client keep a stale copy, so the body's hash is part of the tag.
        String etag = version == null ? "\"h" + hash(body) + "\"" : ETags.withRepresentation(version, hash(body));
        response.setEntity(body, response.getEntityAnnotations(), MediaType.APPLICATION_JSON_TYPE);
        response.getHeaders().putSingle(HttpHeaders.ETAG, etag);
        if (ETags.noneMatchFails(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), etag)) {
            response.setStatus(Response.Status.NOT_MODIFIED.getStatusCode());
            response.setEntity(null);
            response.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
        }
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
