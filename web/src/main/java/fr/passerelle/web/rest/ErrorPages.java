package fr.passerelle.web.rest;

import fr.passerelle.client.ApiException;
import fr.passerelle.web.client.ApiProblem;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * What the user sees when a page cannot be shown: a French page with the status the API gave (404 when the record
 * does not exist or is not theirs: the same page, so nothing leaks), never a stack trace.
 */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(ApiProblem problem);
    }

    @ServerExceptionMapper
    public Response apiRefused(ApiException e) {
        if (e.getCode() == 0) {
            // No answer at all (gateway unreachable, timeout): the cause's class is enough to diagnose.
            LOG.warnf("API unreachable: %s", e.getCause() == null ? "-" : e.getCause().getClass().getSimpleName());
        }
        ApiProblem problem = ApiProblem.of(e);
        if (problem.status() == 401) {
            // The API no longer accepts the session's token: log in again.
            return Response.seeOther(URI.create("/deconnexion")).build();
        }
        int status = problem.status() == 0 ? 503 : problem.status() >= 500 ? 502 : problem.status();
        return page(status, problem);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return page(404, new ApiProblem(404, null, null, null, java.util.Map.of(), java.util.List.of(), null,
                java.util.List.of(), null));
    }

    private static Response page(int status, ApiProblem problem) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.error(problem).render()).build();
    }
}
