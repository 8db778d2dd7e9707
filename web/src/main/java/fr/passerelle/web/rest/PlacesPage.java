package fr.passerelle.web.rest;

import fr.passerelle.client.ApiException;
import fr.passerelle.client.model.Programme;
import fr.passerelle.client.model.ProgrammePage;
import fr.passerelle.web.client.Api;
import fr.passerelle.web.client.ApiProblem;
import fr.passerelle.web.referral.Caller;
import fr.passerelle.web.security.Viewer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * « Places disponibles »: the programmes of the partner's organisation (its token's organisation claim) with their
 * capacity and places left, as the directory publishes them. Read-only: the directory is edited by its
 * administrators only (PUT /programmes is directory-admin), so the page says whom to ask.
 */
@Path("/places")
@Produces(MediaType.TEXT_HTML)
public class PlacesPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance places(List<Programme> programmes, boolean known);
    }

    @Inject
    Api api;
    @Inject
    Viewer viewer;
    @Inject
    Caller caller;

    @GET
    public Response places() throws ApiException {
        if (!viewer.isPartner()) {
            // The same French error page as the API's refusals.
            ApiProblem forbidden = new ApiProblem(403, null, null, null, Map.of(), List.of(), null, List.of(), null);
            return Response.status(403).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(ErrorPages.Templates.error(forbidden).render()).build();
        }
        UUID organisation = null;
        try {
            organisation = caller.organisation() == null ? null : UUID.fromString(caller.organisation());
        } catch (IllegalArgumentException e) {
            organisation = null; // an account attached to no known organisation: nothing to list
        }
        List<Programme> programmes = new ArrayList<>();
        if (organisation != null) {
            for (int page = 0; page < 10; page++) {
                ProgrammePage answer = api.programmes().listProgrammes(null, null, null, null, null, organisation,
                        page, null, null, 100, null, null);
                programmes.addAll(answer.getItems());
                if (answer.getItems().size() < 100) {
                    break;
                }
            }
        }
        return Response.ok(Templates.places(programmes, organisation != null).data("currentPath", "/places").render(),
                MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }
}
