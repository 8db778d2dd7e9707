package fr.passerelle.web.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.passerelle.client.ApiClient;
import fr.passerelle.client.ApiException;
import fr.passerelle.client.ApiResponse;
import fr.passerelle.client.model.AvailabilityPatch;
import fr.passerelle.web.coordination.AvailabilityForms;
import fr.passerelle.web.coordination.ETags;
import fr.passerelle.web.coordination.Parsed;
import fr.passerelle.web.coordination.Queries;
import fr.passerelle.web.view.Form;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MultivaluedMap;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
 * capacity and places left, as the directory publishes them, each with a form to keep its places, status and
 * contacts up to date (PATCH /programmes/{id}/availability with the ETag read with the form: the API checks that the
 * programme is the partner's own and refuses any other field). Capacity and eligibility stay with the directory's
 * editors.
 */
@Path("/places")
@Produces(MediaType.TEXT_HTML)
public class PlacesPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance places(List<Programme> programmes, boolean known, String message);
        static native TemplateInstance edit(Form form, Programme programme, List<ContactRow> rows);
    }

    @Inject
    Api api;
    @Inject
    Viewer viewer;
    @Inject
    Caller caller;

    @GET
    public Response places(@QueryParam("fait") String done) throws ApiException {
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
        // The confirmation names the programme saved and its new state, read back from the directory (never the query).
        String message = null;
        UUID saved = Queries.uuid(done) == null ? null : Queries.uuid(done).orElse(null);
        for (Programme p : programmes) {
            if (p.getId().equals(saved)) {
                message = confirmation(p);
            }
        }
        return Response.ok(Templates.places(programmes, organisation != null, message).data("currentPath", "/places").render(),
                MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    @GET
    @Path("{id}")
    public Response edit(@PathParam("id") UUID id) throws ApiException {
        if (!viewer.isPartner()) {
            return forbidden();
        }
        ApiResponse<Programme> read = api.programmes().getProgrammeWithHttpInfo(id, null);
        Form form = AvailabilityForms.of(read.getData()).with("version", ETags.of(read));
        return page(200, Templates.edit(form, read.getData(), rows(AvailabilityForms.rows(read.getData()))));
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@PathParam("id") UUID id, MultivaluedMap<String, String> posted) throws ApiException {
        if (!viewer.isPartner()) {
            return forbidden();
        }
        Form form = Form.of(posted);
        ApiResponse<Programme> read = api.programmes().getProgrammeWithHttpInfo(id, null);
        int rows = Math.max(AvailabilityForms.rows(read.getData()), Math.min(20, postedRows(posted)));
        Parsed<AvailabilityPatch> in = AvailabilityForms.input(form, rows);
        if (!in.ok()) {
            return page(422, Templates.edit(form.refusedBecause(in.problem()), read.getData(), rows(rows)));
        }
        try {
            patchAvailability(id, form.value("version"), in.value());
            return Response.seeOther(URI.create("/places?fait=" + id + "#confirmation")).build();
        } catch (ApiException e) {
            if (e.getCode() == 412 || e.getCode() == 428) {
                // Someone saved in between: the values typed stay, the fresh version lets the partner save again.
                ApiResponse<Programme> fresh = api.programmes().getProgrammeWithHttpInfo(id, null);
                form.with("version", ETags.of(fresh)).refusedBecause(ApiProblem.of(e));
                return page(409, Templates.edit(form, fresh.getData(), rows(rows)));
            }
            if (e.getCode() == 400 || e.getCode() == 403 || e.getCode() == 422) {
                return page(e.getCode() == 403 ? 403 : 422, Templates.edit(form.refusedBecause(ApiProblem.of(e)), read.getData(), rows(rows)));
            }
            throw e;
        }
    }

    /**
     * PATCH /programmes/{id}/availability with the whole availability. Sent by hand rather than through the typed client:
     * the client leaves out null members, and a blank « places » must travel as null (unknown), not be left unchanged.
     */
    private void patchAvailability(UUID id, String version, AvailabilityPatch patch) throws ApiException {
        ApiClient client = api.client();
        ObjectNode body = client.getObjectMapper().valueToTree(patch);
        if (patch.getPlacesAvailable() == null) {
            body.putNull("placesAvailable");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(client.getBaseUri() + "/api/v1/programmes/" + id + "/availability"))
                .header("Content-Type", "application/merge-patch+json").header("Accept", "application/json")
                .header("If-Match", version == null ? "" : version)
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        if (client.getReadTimeout() != null) {
            request.timeout(client.getReadTimeout());
        }
        if (client.getRequestInterceptor() != null) {
            client.getRequestInterceptor().accept(request);
        }
        HttpResponse<String> answer;
        try {
            answer = client.getHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ApiException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(e);
        }
        if (answer.statusCode() / 100 != 2) {
            throw new ApiException("updateProgrammeAvailability call failed", answer.statusCode(), answer.headers(), answer.body());
        }
    }

    static String confirmation(Programme p) {
        String places = p.getPlacesAvailable() == null ? "places non renseignées"
                : p.getPlacesAvailable() == 0 ? "aucune place disponible"
                : p.getPlacesAvailable() == 1 ? "1 place disponible" : p.getPlacesAvailable() + " places disponibles";
        String open = Boolean.TRUE.equals(p.getOpen()) ? "il est proposé aux orientations."
                : "il n'est plus proposé aux orientations.";
        return "« " + p.getName() + " » est à jour : " + places + ("SUSPENDED".equals(p.getStatus())
                ? ", orientations suspendues" : "") + " ; " + open;
    }

    private static int postedRows(MultivaluedMap<String, String> posted) {
        int rows = 0;
        for (String key : posted.keySet()) {
            if (key.startsWith("contacts[") && key.indexOf(']') > 9) {
                try {
                    rows = Math.max(rows, Integer.parseInt(key.substring(9, key.indexOf(']'))) + 1);
                } catch (NumberFormatException ignored) {
                    // not one of the form's rows
                }
            }
        }
        return rows;
    }

    /** One contact row of the form: its field names (the API's member paths) and French labels. */
    public record ContactRow(int index, int number, String name, String kind, String value, String label,
                             String valueLabel, String labelLabel) {
    }

    private static List<ContactRow> rows(int n) {
        List<ContactRow> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String name = "contacts[" + i + "]";
            out.add(new ContactRow(i, i + 1, name, name + ".kind", name + ".value", name + ".label",
                    "Contact " + (i + 1), "Libellé du contact " + (i + 1)));
        }
        return out;
    }

    private static Response forbidden() {
        ApiProblem forbidden = new ApiProblem(403, null, null, null, Map.of(), List.of(), null, List.of(), null);
        return Response.status(403).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(ErrorPages.Templates.error(forbidden).render()).build();
    }

    private static Response page(int status, TemplateInstance page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(page.data("currentPath", "/places").render()).build();
    }
}
