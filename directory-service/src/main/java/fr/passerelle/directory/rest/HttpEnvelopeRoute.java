package fr.passerelle.directory.rest;

import fr.passerelle.common.envelope.HttpEnvelope;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Installs the shared HTTP-layer refusals (token in the query string, body above the HTTP limit) on this service. */
@ApplicationScoped
public class HttpEnvelopeRoute {

    void install(@Observes Router router, @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBody) {
        HttpEnvelope.install(router, maxBody.asLongValue());
    }
}
