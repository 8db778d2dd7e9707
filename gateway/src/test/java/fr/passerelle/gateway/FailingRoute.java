package fr.passerelle.gateway;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** A test-only route that throws, with personal data in the exception's message, as a bug would. */
@ApplicationScoped
public class FailingRoute {

    static final String PATH = "/test-failure";
    static final String SECRET = "Lina Martin 2010-03-14";

    void install(@Observes Router router) {
        router.get(PATH).handler(ctx -> {
            throw new IllegalStateException("case of " + SECRET);
        });
    }
}
