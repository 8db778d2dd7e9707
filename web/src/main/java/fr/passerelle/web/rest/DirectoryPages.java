package fr.passerelle.web.rest;

import fr.passerelle.client.ApiException;
import fr.passerelle.client.ApiResponse;
import fr.passerelle.client.model.Organisation;
import fr.passerelle.client.model.OrganisationInput;
import fr.passerelle.client.model.OrganisationKind;
import fr.passerelle.client.model.OrganisationPage;
import fr.passerelle.client.model.Programme;
import fr.passerelle.client.model.ProgrammeInput;
import fr.passerelle.client.model.ProgrammePage;
import fr.passerelle.client.model.RecordStatus;
import fr.passerelle.web.client.Api;
import fr.passerelle.web.client.ApiProblem;
import fr.passerelle.web.coordination.ETags;
import fr.passerelle.web.coordination.OrganisationForms;
import fr.passerelle.web.coordination.Parsed;
import fr.passerelle.web.coordination.ProgrammeForms;
import fr.passerelle.web.coordination.Queries;
import fr.passerelle.web.view.Form;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The directory editor's pages: programmes (dispositifs) and organisations (structures), listed, created, edited
 * (PUT with If-Match: the ETag read with the form travels in its hidden field « version ») and archived after a
 * confirmation. The API checks the role (directory-admin) and every rule.
 */
@Path("/annuaire")
@Produces(MediaType.TEXT_HTML)
public class DirectoryPages {

    static final int PAGE = 20;
    static final String PROGRAMMES = "/annuaire/dispositifs";
    static final String ORGANISATIONS = "/annuaire/structures";

    /** Success messages after a redirect, by code: never an echo of the query. */
    static final Map<String, String> DONE = Map.of(
            "cree", "L'enregistrement a été créé.",
            "modifie", "Les modifications ont été enregistrées.",
            "archive", "L'enregistrement a été archivé : il ne sort plus dans la recherche ni dans les propositions.");

    /**
     * The generated client asks DELETE for application/problem+json only, which the directory answers with 406 (it
     * checks Accept against the success type): adding application/json lets the 204 through. Remove once the
     * service accepts problem+json alone.
     */
    static final Map<String, String> ACCEPT_JSON_TOO = Map.of("Accept", "application/json");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance programmes(ProgrammePage page, String q, String status, String message, String prev, String next);
        static native TemplateInstance programme(Form form, Programme programme, List<Organisation> organisations, String message);
        static native TemplateInstance archiveProgramme(Form form, Programme programme);
        static native TemplateInstance organisations(OrganisationPage page, String q, String kind, String message, String prev, String next);
        static native TemplateInstance organisation(Form form, Organisation organisation, String message);
        static native TemplateInstance archiveOrganisation(Form form, Organisation organisation);
    }

    @Inject
    Api api;

    // ---- programmes ------------------------------------------------------------------------------------------

    @GET
    @Path("dispositifs")
    public TemplateInstance programmes(@QueryParam("q") String q, @QueryParam("statut") String status,
                                       @QueryParam("page") String page, @QueryParam("fait") String done) throws ApiException {
        String query = Queries.blankToNull(q);
        if (query != null && query.length() > 200) query = query.substring(0, 200);
        RecordStatus s = Queries.code(status, RecordStatus::fromValue);
        int p = Queries.page(page);
        ProgrammePage result = api.programmes().listProgrammes(null, null, null, null, null, null, p, query, null, PAGE, s, null);
        String base = PROGRAMMES + "?" + (query == null ? "" : "q=" + enc(query) + "&") + (s == null ? "" : "statut=" + s.getValue() + "&");
        return Templates.programmes(result, query, s == null ? null : s.getValue(), done(done),
                        p > 0 ? base + "page=" + (p - 1) : null,
                        (long) (p + 1) * PAGE < result.getTotalItems() ? base + "page=" + (p + 1) : null)
                .data("currentPath", PROGRAMMES);
    }

    @GET
    @Path("dispositifs/nouveau")
    public TemplateInstance newProgramme(@QueryParam("structure") String organisation) throws ApiException {
        Form form = Form.empty().with("status", "ACTIVE");
        var chosen = Queries.uuid(organisation);
        if (chosen != null) chosen.ifPresent(id -> form.with("organisationId", id));
        return Templates.programme(form, null, organisations(), null).data("currentPath", PROGRAMMES);
    }

    @POST
    @Path("dispositifs")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createProgramme(MultivaluedMap<String, String> posted) throws ApiException {
        Form form = Form.of(posted);
        Parsed<ProgrammeInput> in = ProgrammeForms.input(form, null);
        if (!in.ok()) {
            return page(422, Templates.programme(form.refusedBecause(in.problem()), null, organisations(), null), PROGRAMMES);
        }
        try {
            Programme created = api.programmes().createProgramme(in.value());
            return Response.seeOther(URI.create(PROGRAMMES + "/" + created.getId() + "?fait=cree")).build();
        } catch (ApiException e) {
            if (e.getCode() == 400 || e.getCode() == 422 || e.getCode() == 409) {
                return page(422, Templates.programme(form.refusedBecause(ApiProblem.of(e)), null, organisations(), null), PROGRAMMES);
            }
            throw e;
        }
    }

    @GET
    @Path("dispositifs/{id}")
    public TemplateInstance editProgramme(@PathParam("id") UUID id, @QueryParam("fait") String done) throws ApiException {
        ApiResponse<Programme> read = api.programmes().getProgrammeWithHttpInfo(id, null);
        Form form = ProgrammeForms.of(read.getData()).with("version", ETags.of(read));
        return Templates.programme(form, read.getData(), organisations(), done(done)).data("currentPath", PROGRAMMES);
    }

    @POST
    @Path("dispositifs/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response updateProgramme(@PathParam("id") UUID id, MultivaluedMap<String, String> posted) throws ApiException {
        Form form = Form.of(posted);
        // Fields the form does not show are carried over from the record as it is now.
        ApiResponse<Programme> read = api.programmes().getProgrammeWithHttpInfo(id, null);
        Parsed<ProgrammeInput> in = ProgrammeForms.input(form, read.getData());
        if (!in.ok()) {
            return page(422, Templates.programme(form.refusedBecause(in.problem()), read.getData(), organisations(), null), PROGRAMMES);
        }
        try {
            api.programmes().updateProgramme(id, form.value("version"), in.value());
            return Response.seeOther(URI.create(PROGRAMMES + "/" + id + "?fait=modifie")).build();
        } catch (ApiException e) {
            if (e.getCode() == 412 || e.getCode() == 428) {
                // Someone saved in between: the user's values stay, the fresh version lets them save again.
                ApiResponse<Programme> fresh = api.programmes().getProgrammeWithHttpInfo(id, null);
                form.with("version", ETags.of(fresh)).refusedBecause(ApiProblem.of(e));
                return page(409, Templates.programme(form, fresh.getData(), organisations(), null), PROGRAMMES);
            }
            if (e.getCode() == 400 || e.getCode() == 422 || e.getCode() == 409) {
                return page(422, Templates.programme(form.refusedBecause(ApiProblem.of(e)), read.getData(), organisations(), null), PROGRAMMES);
            }
            throw e;
        }
    }

    @GET
    @Path("dispositifs/{id}/archiver")
    public TemplateInstance confirmArchiveProgramme(@PathParam("id") UUID id) throws ApiException {
        ApiResponse<Programme> read = api.programmes().getProgrammeWithHttpInfo(id, null);
        return Templates.archiveProgramme(Form.empty().with("version", ETags.of(read)), read.getData()).data("currentPath", PROGRAMMES);
    }

    @POST
    @Path("dispositifs/{id}/archiver")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response archiveProgramme(@PathParam("id") UUID id, MultivaluedMap<String, String> posted) throws ApiException {
        Form form = Form.of(posted);
        try {
            api.programmes().archiveProgramme(id, form.value("version"), ACCEPT_JSON_TOO);
            return Response.seeOther(URI.create(PROGRAMMES + "?fait=archive")).build();
        } catch (ApiException e) {
            if (e.getCode() == 412 || e.getCode() == 428 || e.getCode() == 409) {
                ApiResponse<Programme> fresh = api.programmes().getProgrammeWithHttpInfo(id, null);
                return page(409, Templates.archiveProgramme(Form.empty().with("version", ETags.of(fresh))
                        .refusedBecause(ApiProblem.of(e)), fresh.getData()), PROGRAMMES);
            }
            throw e;
        }
    }

    // ---- organisations ---------------------------------------------------------------------------------------

    @GET
    @Path("structures")
    public TemplateInstance organisations(@QueryParam("q") String q, @QueryParam("type") String kind,
                                          @QueryParam("page") String page, @QueryParam("fait") String done) throws ApiException {
        String query = Queries.blankToNull(q);
        if (query != null && query.length() > 200) query = query.substring(0, 200);
        OrganisationKind k = Queries.code(kind, OrganisationKind::fromValue);
        int p = Queries.page(page);
        OrganisationPage result = api.organisations().listOrganisations(null, k, p, query, PAGE, null);
        String base = ORGANISATIONS + "?" + (query == null ? "" : "q=" + enc(query) + "&") + (k == null ? "" : "type=" + k.getValue() + "&");
        return Templates.organisations(result, query, k == null ? null : k.getValue(), done(done),
                        p > 0 ? base + "page=" + (p - 1) : null,
                        (long) (p + 1) * PAGE < result.getTotalItems() ? base + "page=" + (p + 1) : null)
                .data("currentPath", ORGANISATIONS);
    }

    @GET
    @Path("structures/nouvelle")
    public TemplateInstance newOrganisation() {
        return Templates.organisation(Form.empty().with("status", "ACTIVE"), null, null).data("currentPath", ORGANISATIONS);
    }

    @POST
    @Path("structures")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createOrganisation(MultivaluedMap<String, String> posted) throws ApiException {
        Form form = Form.of(posted);
        Parsed<OrganisationInput> in = OrganisationForms.input(form, null);
        if (!in.ok()) {
            return page(422, Templates.organisation(form.refusedBecause(in.problem()), null, null), ORGANISATIONS);
        }
        try {
            Organisation created = api.organisations().createOrganisation(in.value());
            return Response.seeOther(URI.create(ORGANISATIONS + "/" + created.getId() + "?fait=cree")).build();
        } catch (ApiException e) {
            if (e.getCode() == 400 || e.getCode() == 422 || e.getCode() == 409) {
                return page(422, Templates.organisation(form.refusedBecause(ApiProblem.of(e)), null, null), ORGANISATIONS);
            }
            throw e;
        }
    }

    @GET
    @Path("structures/{id}")
    public TemplateInstance editOrganisation(@PathParam("id") UUID id, @QueryParam("fait") String done) throws ApiException {
        ApiResponse<Organisation> read = api.organisations().getOrganisationWithHttpInfo(id, null);
        Form form = OrganisationForms.of(read.getData()).with("version", ETags.of(read));
        return Templates.organisation(form, read.getData(), done(done)).data("currentPath", ORGANISATIONS);
    }

    @POST
    @Path("structures/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response updateOrganisation(@PathParam("id") UUID id, MultivaluedMap<String, String> posted) throws ApiException {
        Form form = Form.of(posted);
        ApiResponse<Organisation> read = api.organisations().getOrganisationWithHttpInfo(id, null);
        Parsed<OrganisationInput> in = OrganisationForms.input(form, read.getData());
        if (!in.ok()) {
            return page(422, Templates.organisation(form.refusedBecause(in.problem()), read.getData(), null), ORGANISATIONS);
        }
        try {
            api.organisations().updateOrganisation(id, form.value("version"), in.value());
            return Response.seeOther(URI.create(ORGANISATIONS + "/" + id + "?fait=modifie")).build();
        } catch (ApiException e) {
            if (e.getCode() == 412 || e.getCode() == 428) {
                ApiResponse<Organisation> fresh = api.organisations().getOrganisationWithHttpInfo(id, null);
                form.with("version", ETags.of(fresh)).refusedBecause(ApiProblem.of(e));
                return page(409, Templates.organisation(form, fresh.getData(), null), ORGANISATIONS);
            }
            if (e.getCode() == 400 || e.getCode() == 422 || e.getCode() == 409) {
                return page(422, Templates.organisation(form.refusedBecause(ApiProblem.of(e)), read.getData(), null), ORGANISATIONS);
            }
            throw e;
        }
    }

    @GET
    @Path("structures/{id}/archiver")
    public TemplateInstance confirmArchiveOrganisation(@PathParam("id") UUID id) throws ApiException {
        ApiResponse<Organisation> read = api.organisations().getOrganisationWithHttpInfo(id, null);
        return Templates.archiveOrganisation(Form.empty().with("version", ETags.of(read)), read.getData()).data("currentPath", ORGANISATIONS);
    }

    @POST
    @Path("structures/{id}/archiver")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response archiveOrganisation(@PathParam("id") UUID id, MultivaluedMap<String, String> posted) throws ApiException {
        Form form = Form.of(posted);
        try {
            api.organisations().archiveOrganisation(id, form.value("version"), ACCEPT_JSON_TOO);
            return Response.seeOther(URI.create(ORGANISATIONS + "?fait=archive")).build();
        } catch (ApiException e) {
            if (e.getCode() == 412 || e.getCode() == 428 || e.getCode() == 409) {
                ApiResponse<Organisation> fresh = api.organisations().getOrganisationWithHttpInfo(id, null);
                return page(409, Templates.archiveOrganisation(Form.empty().with("version", ETags.of(fresh))
                        .refusedBecause(ApiProblem.of(e)), fresh.getData()), ORGANISATIONS);
            }
            throw e;
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    /** The organisations a programme can belong to (the directory holds about fifty; the first hundred by name). */
    private List<Organisation> organisations() throws ApiException {
        return api.organisations().listOrganisations(null, null, 0, null, 100, null).getItems();
    }

    private static String done(String code) {
        return code == null ? null : DONE.get(code);
    }

    private static String enc(String v) {
        return URLEncoder.encode(v, StandardCharsets.UTF_8);
    }

    private static Response page(int status, TemplateInstance page, String path) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(page.data("currentPath", path).render()).build();
    }
}
