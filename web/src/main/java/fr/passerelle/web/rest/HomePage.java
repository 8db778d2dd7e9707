package fr.passerelle.web.rest;

import fr.passerelle.client.ApiException;
import fr.passerelle.client.model.InboxSummary;
import fr.passerelle.web.client.Api;
import fr.passerelle.web.security.Viewer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The home page: what needs the user now (counted by the API for the user's own scope) and where to go. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomePage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(InboxSummary summary);
    }

    @Inject
    Api api;
    @Inject
    Viewer viewer;

    @GET
    public TemplateInstance home() throws ApiException {
        InboxSummary summary = viewer.isCaseWorker() ? api.referrals().getInboxSummary(null) : null;
        return Templates.home(summary).data("currentPath", "/");
    }
}
