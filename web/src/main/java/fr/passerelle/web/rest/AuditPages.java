package fr.passerelle.web.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import fr.passerelle.client.ApiException;
import fr.passerelle.client.model.AuditOperation;
import fr.passerelle.client.model.AuditPage;
import fr.passerelle.client.model.SubjectAccessExport;
import fr.passerelle.client.model.SubjectAccessRequest;
import fr.passerelle.web.client.Api;
import fr.passerelle.web.client.ApiProblem;
import fr.passerelle.web.coordination.AuditOperations;
import fr.passerelle.web.coordination.AuditQuery;
import fr.passerelle.web.coordination.Parsed;
import fr.passerelle.web.coordination.SubjectAccessForms;
import fr.passerelle.web.view.Form;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/** The data-protection officer's pages: the access log and the subject-access export (both audited by the API). */
@Path("/audit")
public class AuditPages {

    static final int PAGE = 50;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance log(AuditQuery query, Form form, AuditPage page, Map<String, String> operations);
        static native TemplateInstance subjectAccess(Form form, SubjectAccessExport export);
    }

    @Inject
    Api api;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response log(@QueryParam("caseId") String caseId, @QueryParam("subject") String subject,
                        @QueryParam("operation") String operation, @QueryParam("from") String from,
                        @QueryParam("to") String to, @QueryParam("page") String page) throws ApiException {
        AuditQuery q = AuditQuery.of(caseId, subject, operation, from, to, page);
        Form form = Form.empty().with("caseId", q.caseIdText()).with("subject", q.subject()).with("operation", q.operationText())
                .with("from", q.fromText()).with("to", q.toText());
        if (!q.errors().isEmpty()) {
            form.refusedBecause(new ApiProblem(400, null, null, null, q.errors(), List.of(), null, List.of(), null));
            return html(400, Templates.log(q, form, null, AuditOperations.all()), "/audit");
        }
        try {
            AuditPage result = api.audit().listAuditEntries(q.caseId(), q.from(), q.operation() == null ? null
                    : AuditOperation.fromValue(q.operation()), q.page(), PAGE, q.subject(), q.to());
            return html(200, Templates.log(q, form, result, AuditOperations.all()), "/audit");
        } catch (ApiException e) {
            if (e.getCode() == 400 || e.getCode() == 422) {
                form.refusedBecause(ApiProblem.of(e));
                return html(422, Templates.log(q, form, null, AuditOperations.all()), "/audit");
            }
            throw e;
        }
    }

    @GET
    @Path("droit-d-acces")
    @Produces(MediaType.TEXT_HTML)
    public Response subjectAccessForm() {
        return html(200, Templates.subjectAccess(Form.empty(), null), "/audit/droit-d-acces");
    }

    /**
     * Runs the export. The button « Télécharger (JSON) » posts the same fields with format=json: the answer is then
     * the export as a file. Each export, shown or downloaded, is one audited request to the API.
     */
    @POST
    @Path("droit-d-acces")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
    public Response subjectAccess(MultivaluedMap<String, String> posted) throws ApiException {
        Form form = Form.of(posted);
        Parsed<SubjectAccessRequest> parsed = SubjectAccessForms.request(form);
        if (!parsed.ok()) {
            form.refusedBecause(parsed.problem());
            return html(422, Templates.subjectAccess(form, null), "/audit/droit-d-acces");
        }
        SubjectAccessExport export;
        try {
            export = api.audit().exportSubjectAccess(parsed.value());
        } catch (ApiException e) {
            if (e.getCode() == 400 || e.getCode() == 422) {
                form.refusedBecause(ApiProblem.of(e));
                return html(422, Templates.subjectAccess(form, null), "/audit/droit-d-acces");
            }
            throw e;
        }
        if ("json".equals(form.value("format"))) {
            return Response.ok(json(export), MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                    .header("Content-Disposition", "attachment; filename=\"droit-d-acces-"
                            + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(export.getGeneratedAt()) + ".json\"")
                    .build();
        }
        return html(200, Templates.subjectAccess(form, export), "/audit/droit-d-acces");
    }

    private byte[] json(SubjectAccessExport export) {
        try {
            return api.client().getObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(export)
                    .getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("export not writable as JSON", e);
        }
    }

    private static Response html(int status, TemplateInstance page, String path) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(page.data("currentPath", path).render()).build();
    }
}
