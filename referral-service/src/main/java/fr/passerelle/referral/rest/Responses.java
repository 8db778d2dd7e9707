package fr.passerelle.referral.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.common.web.ETags;
import fr.passerelle.referral.service.IdempotencyService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Builds answers: ETag on every single-object read and write, stored answers for Idempotency-Key replays. */
@ApplicationScoped
public class Responses {

    public static final String IDEMPOTENT_REPLAYED = "Idempotent-Replayed";

    @Inject
    ObjectMapper json;

    static Response ok(Object body, long version) {
        return Response.ok(body).header(HttpHeaders.ETAG, ETags.header(version)).build();
    }

    /** A 201 as it will be stored for replay: JSON body, Location and ETag. */
    IdempotencyService.StoredResponse created(Object body, String location, long version, UUID caseId) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(HttpHeaders.LOCATION, location);
        headers.put(HttpHeaders.ETAG, ETags.header(version));
        return new IdempotencyService.StoredResponse(201, headers, write(body), caseId);
    }

    /** A 200 with ETag (redirect) as it will be stored for replay. */
    IdempotencyService.StoredResponse okStored(Object body, long version, UUID caseId) {
        return new IdempotencyService.StoredResponse(200, Map.of(HttpHeaders.ETAG, ETags.header(version)), write(body), caseId);
    }

    IdempotencyService.StoredResponse createdNoVersion(Object body, UUID caseId) {
        return new IdempotencyService.StoredResponse(201, Map.of(), write(body), caseId);
    }

    static Response of(IdempotencyService.Result result) {
        var stored = result.response();
        Response.ResponseBuilder b = Response.status(stored.status()).entity(stored.body()).type(MediaType.APPLICATION_JSON_TYPE);
        stored.headers().forEach(b::header);
        if (result.replayed()) {
            b.header(IDEMPOTENT_REPLAYED, "true");
        }
        return b.build();
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response not serialisable", e);
        }
    }
}
