package fr.passerelle.directory.rest;

import fr.passerelle.common.web.ETags;
import fr.passerelle.common.web.Versioned;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** Responses carrying the ETag of what they return. */
final class Answers {

    private Answers() {
    }

    static Response ok(Versioned<?> v) {
        return Response.ok(v.body()).tag(ETags.of(v.version())).build();
    }

    static Response created(String location, Versioned<?> v) {
        return Response.created(URI.create(location)).tag(ETags.of(v.version())).entity(v.body()).build();
    }
}
