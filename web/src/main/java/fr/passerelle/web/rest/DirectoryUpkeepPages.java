package fr.passerelle.web.rest;

import fr.passerelle.client.ApiException;
import fr.passerelle.client.api.DirectoryChangesApi;
import fr.passerelle.client.model.DirectoryChangePage;
import fr.passerelle.client.model.SchoolImportReport;
import fr.passerelle.web.client.Api;
import fr.passerelle.web.client.ApiProblem;
import fr.passerelle.web.coordination.Queries;
import fr.passerelle.web.security.Viewer;
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
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The directory editor's upkeep pages: « Importer des établissements » (a file of the annuaire de l'éducation, checked
 * first with a dry run, then imported; the API's report shown as a table) and « Journal des modifications » (the
 * directory's change log). The API checks the role and every rule.
 */
@Path("/annuaire")
@Produces(MediaType.TEXT_HTML)
public class DirectoryUpkeepPages {

    static final String IMPORT = "/annuaire/etablissements";
    static final String JOURNAL = "/annuaire/journal";
    /** The API's limit on the file (its body limit). */
    static final long MAX_FILE_BYTES = 256 * 1024;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance schoolImport(SchoolImportReport report, String error, ApiProblem problem);
        static native TemplateInstance journal(DirectoryChangePage page, String recordId, String prev, String next);
    }

    @Inject
    Api api;
    @Inject
    Viewer viewer;

    @GET
    @Path("etablissements")
    public Response importForm() {
        if (!viewer.isDirectoryAdmin()) {
            return forbidden();
        }
        return page(200, Templates.schoolImport(null, null, null), IMPORT);
    }

    @POST
    @Path("etablissements")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response importFile(@RestForm("fichier") FileUpload file, @RestForm("mode") String mode) throws ApiException {
        if (!viewer.isDirectoryAdmin()) {
            return forbidden();
        }
        boolean apply = "importer".equals(mode);
        if (file == null || file.uploadedFile() == null || file.size() == 0) {
            return page(422, Templates.schoolImport(null, "Choisissez le fichier CSV de l'annuaire de l'éducation à importer.", null), IMPORT);
        }
        if (file.size() > MAX_FILE_BYTES) {
            return page(422, Templates.schoolImport(null, "Le fichier dépasse 256 Ko : importez un extrait par département "
                    + "(filtrez l'annuaire sur Code_departement avant de l'exporter).", null), IMPORT);
        }
        String csv;
        try {
            csv = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file.uploadedFile()))).toString();
        } catch (CharacterCodingException e) {
            return page(422, Templates.schoolImport(null, "Le fichier n'est pas encodé en UTF-8 : exportez-le à nouveau en "
                    + "CSV UTF-8 (séparateur point-virgule).", null), IMPORT);
        } catch (IOException e) {
            throw new IllegalStateException("uploaded file unreadable", e);
        }
        try {
            SchoolImportReport report = api.organisations().importSchools(csv, !apply);
            return page(200, Templates.schoolImport(report, null, null), IMPORT);
        } catch (ApiException e) {
            if (e.getCode() == 400 || e.getCode() == 413 || e.getCode() == 415 || e.getCode() == 422) {
                return page(422, Templates.schoolImport(null, null, ApiProblem.of(e)), IMPORT);
            }
            throw e;
        }
    }

    @GET
    @Path("journal")
    public Response journal(@QueryParam("fiche") String record, @QueryParam("page") String page) throws ApiException {
        if (!viewer.isDirectoryAdmin() && !viewer.isAuditor()) {
            return forbidden();
        }
        var parsed = Queries.uuid(record);
        UUID recordId = parsed == null ? null : parsed.orElse(null);
        int p = Queries.page(page);
        DirectoryChangePage changes = new DirectoryChangesApi(api.client()).listDirectoryChanges(null, p, recordId, 20, null, null);
        String base = JOURNAL + "?" + (recordId == null ? "" : "fiche=" + recordId + "&");
        return page(200, Templates.journal(changes, recordId == null ? null : recordId.toString(),
                p > 0 ? base + "page=" + (p - 1) : null,
                (long) (p + 1) * 20 < changes.getTotalItems() ? base + "page=" + (p + 1) : null), JOURNAL);
    }

    private static Response forbidden() {
        ApiProblem forbidden = new ApiProblem(403, null, null, null, Map.of(), List.of(), null, List.of(), null);
        return Response.status(403).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(ErrorPages.Templates.error(forbidden).render()).build();
    }

    private static Response page(int status, TemplateInstance page, String path) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(page.data("currentPath", path).render()).build();
    }
}
