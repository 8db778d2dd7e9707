package fr.passerelle.web.rest;

import fr.passerelle.client.ApiException;
import fr.passerelle.client.ApiResponse;
import fr.passerelle.client.model.CaseCloseRequest;
import fr.passerelle.client.model.CaseCreateRequest;
import fr.passerelle.client.model.CaseMergeRequest;
import fr.passerelle.client.model.CasePage;
import fr.passerelle.client.model.CaseReferralSummary;
import fr.passerelle.client.model.CaseStatus;
import fr.passerelle.client.model.CaseView;
import fr.passerelle.client.model.ConsentWithdrawalRequest;
import fr.passerelle.client.model.ReferralStatus;
import fr.passerelle.client.model.ReferralView;
import fr.passerelle.client.model.TimelineEventView;
import fr.passerelle.web.client.Api;
import fr.passerelle.web.client.ApiProblem;
import fr.passerelle.web.security.Viewer;
import fr.passerelle.web.view.Form;
import fr.passerelle.web.view.referent.CaseRequests;
import fr.passerelle.web.view.referent.CaseRequests.Built;
import fr.passerelle.web.view.referent.CaseRows;
import fr.passerelle.web.view.referent.CaseLabels;
import fr.passerelle.web.view.referent.CaseRows.CaseRow;
import fr.passerelle.web.view.referent.CaseRows.GuardianRow;
import fr.passerelle.web.view.referent.CaseRows.ReferralRow;
import fr.passerelle.web.view.referent.Problems;
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
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A referent's (or coordinator's) cases: the list with search, a new case with consent, one case and its actions. */
@Path("/dossiers")
@Produces(MediaType.TEXT_HTML)
public class CasePages {

    static final int PAGE_SIZE = 20;
    /** Referrals whose due date the case page reads (one call each): the most recent ones. */
    static final int REFERRALS_READ = 10;
    static final int TIMELINE_SIZE = 100;
    /** The success messages after a redirect, chosen by code: the page never echoes what came in the URL. */
    static final Map<String, String> DONE = Map.of(
            "cree", "Le dossier a été créé.",
            "fusionne", "Le dossier en double a été fusionné dans celui-ci : ses orientations et son historique y sont maintenant.",
            "clos", "Le dossier a été clos.",
            "consentement-retire", "Le retrait du consentement est enregistré : les orientations en cours sont annulées et le dossier est clos.");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<CaseRow> rows, CasePage page, String statut, String q, String searchError,
                                            String naissance, String birthDateError, String previous, String next);

        static native TemplateInstance create(Form form, String duplicateOf, List<GuardianRow> guardianRows);

        static native TemplateInstance detail(CaseView c, String version, List<ReferralRow> referrals,
                                              List<TimelineEventView> events, Form closeForm, Form withdrawForm,
                                              ApiProblem problem, List<ReferralRow> blocking, String message,
                                              boolean canAct, List<CaseLabels.Option> closeReasons,
                                              List<String> duplicates, Form mergeForm, boolean canMerge);
    }

    @Inject
    Api api;
    @Inject
    Viewer viewer;

    @GET
    public Response list(@QueryParam("statut") String statut, @QueryParam("q") String q, @QueryParam("naissance") String naissance,
                         @QueryParam("page") Integer page) throws ApiException {
        CaseStatus status = "OPEN".equals(statut) || "CLOSED".equals(statut) ? CaseStatus.fromValue(statut) : null;
        String search = q == null || q.isBlank() ? null : q.strip();
        String born = naissance == null || naissance.isBlank() ? null : naissance.strip();
        int pageNo = page == null || page < 0 ? 0 : page;
        if (search != null && search.length() > 100) {
            // The API's bound; said next to the search box rather than as an error page.
            return Response.status(422).entity(Templates.list(List.of(), null, statut, search,
                    "La recherche est limitée à 100 caractères.", born == null ? "" : born, null, null, null)
                    .data("currentPath", "/dossiers")).build();
        }
        LocalDate birthDate = null;
        if (born != null) {
            try {
                birthDate = LocalDate.parse(born);
            } catch (DateTimeParseException e) {
                return Response.status(422).entity(Templates.list(List.of(), null, statut, search == null ? "" : search, null,
                        "", "Saisissez une date de naissance valide.", null, null).data("currentPath", "/dossiers")).build();
            }
        }
        CasePage result = api.cases().listCases(null, birthDate, pageNo, search, PAGE_SIZE, status);
        List<CaseRow> rows = result.getItems().stream().map(CaseRows::row).toList();
        long total = result.getTotalItems() == null ? 0 : result.getTotalItems();
        String previous = pageNo > 0 ? CaseRows.listHref(status, search, birthDate, pageNo - 1) : null;
        String next = (long) (pageNo + 1) * PAGE_SIZE < total ? CaseRows.listHref(status, search, birthDate, pageNo + 1) : null;
        return Response.ok(Templates.list(rows, result, status == null ? "" : status.toString(), search == null ? "" : search,
                null, birthDate == null ? "" : birthDate.toString(), null, previous, next).data("currentPath", "/dossiers")).build();
    }

    @GET
    @Path("nouveau")
    public TemplateInstance newCase() {
        return createPage(Form.empty().with("idempotencyKey", UUID.randomUUID()), null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(MultivaluedMap<String, String> posted) throws ApiException {
        Form form = Form.of(posted);
        Built<CaseCreateRequest> built = CaseRequests.create(form);
        if (built.problem() != null) {
            return Response.status(422).entity(createPage(form.refusedBecause(built.problem()), null)).build();
        }
        try {
            CaseView created = api.cases().createCase(built.request(), form.optional("idempotencyKey"));
            // Near matches the API found (ids only) travel to the case page, which shows them as an alert.
            List<UUID> near = created.getPossibleDuplicates() == null ? List.of() : created.getPossibleDuplicates();
            String duplicates = near.isEmpty() ? "" : "&doublons=" + String.join(",", near.stream().map(UUID::toString).toList());
            return Response.seeOther(URI.create("/dossiers/" + created.getId() + "?fait=cree" + duplicates)).build();
        } catch (ApiException e) {
            ApiProblem p = ApiProblem.of(e);
            if (Problems.refusedForm(e)) {
                return Response.status(422).entity(createPage(form.refusedBecause(p), null)).build();
            }
            if (e.getCode() == 409) {
                // The same young person already has an open case (or the same key is still in flight): say which.
                return Response.status(409).entity(createPage(form.refusedBecause(p), p.existingId())).build();
            }
            throw e;
        }
    }

    private TemplateInstance createPage(Form form, String duplicateOf) {
        return Templates.create(form, duplicateOf, CaseRows.guardianRows()).data("currentPath", "/dossiers");
    }

    @GET
    @Path("{id}")
    public TemplateInstance detail(@PathParam("id") UUID id, @QueryParam("fait") String done, @QueryParam("doublons") String doublons)
            throws ApiException {
        return detailPage(id, Form.empty(), Form.empty(), null, List.of(), done == null ? null : DONE.get(done))
                .data("duplicates", CaseRows.duplicateIds(doublons));
    }

    /** A coordinator merges a duplicate into this case (confirmed by a box; the duplicate chosen or pasted). */
    @POST
    @Path("{id}/fusion")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response merge(@PathParam("id") UUID id, MultivaluedMap<String, String> posted) throws ApiException {
        Form form = Form.of(posted);
        List<String> duplicates = CaseRows.duplicateIds(String.join(",", form.values("doublons")));
        Built<CaseMergeRequest> built = CaseRequests.merge(form);
        if (built.problem() != null) {
            return Response.status(422).entity(detailPage(id, Form.empty(), Form.empty(), null, List.of(), null)
                    .data("mergeForm", form.refusedBecause(built.problem())).data("duplicates", duplicates)).build();
        }
        try {
            api.cases().mergeCase(id, form.value("version"), built.request());
            return Response.seeOther(URI.create("/dossiers/" + id + "?fait=fusionne")).build();
        } catch (ApiException e) {
            ApiProblem p = ApiProblem.of(e);
            if (Problems.refusedForm(e)) {
                return Response.status(422).entity(detailPage(id, Form.empty(), Form.empty(), null, List.of(), null)
                        .data("mergeForm", form.refusedBecause(p)).data("duplicates", duplicates)).build();
            }
            if (e.getCode() == 404 || e.getCode() == 409 || e.getCode() == 412 || e.getCode() == 428) {
                // 404 here is the duplicate (this case was readable a moment ago): said in place, like a 409.
                return Response.status(e.getCode()).entity(detailPage(id, Form.empty(), Form.empty(), p, List.of(), null)
                        .data("mergeForm", form).data("duplicates", duplicates)).build();
            }
            throw e;
        }
    }

    @POST
    @Path("{id}/cloture")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response close(@PathParam("id") UUID id, MultivaluedMap<String, String> posted) throws ApiException {
        Form form = Form.of(posted);
        Built<CaseCloseRequest> built = CaseRequests.close(form);
        if (built.problem() != null) {
            return Response.status(422).entity(detailPage(id, form.refusedBecause(built.problem()), Form.empty(), null, List.of(), null)).build();
        }
        try {
            api.cases().closeCase(id, form.value("version"), built.request());
            return Response.seeOther(URI.create("/dossiers/" + id + "?fait=clos")).build();
        } catch (ApiException e) {
            return refusedAction(id, e, form, Form.empty());
        }
    }

    @POST
    @Path("{id}/consentement")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response withdrawConsent(@PathParam("id") UUID id, MultivaluedMap<String, String> posted) throws ApiException {
        Form form = Form.of(posted);
        Built<ConsentWithdrawalRequest> built = CaseRequests.withdrawConsent(form);
        if (built.problem() != null) {
            return Response.status(422).entity(detailPage(id, Form.empty(), form.refusedBecause(built.problem()), null, List.of(), null)).build();
        }
        try {
            api.cases().withdrawConsent(id, form.value("version"), built.request());
            return Response.seeOther(URI.create("/dossiers/" + id + "?fait=consentement-retire")).build();
        } catch (ApiException e) {
            return refusedAction(id, e, Form.empty(), form);
        }
    }

    /** A refused close or withdrawal: the case page again, re-read (fresh ETag), with the refusal where it belongs. */
    private Response refusedAction(UUID id, ApiException e, Form closeForm, Form withdrawForm) throws ApiException {
        ApiProblem p = ApiProblem.of(e);
        Form acted = closeForm.values("version").isEmpty() ? withdrawForm : closeForm;
        if (Problems.refusedForm(e)) {
            acted.refusedBecause(p);
            return Response.status(422).entity(detailPage(id, closeForm, withdrawForm, null, List.of(), null)).build();
        }
        if (e.getCode() == 409 || e.getCode() == 412 || e.getCode() == 428) {
            return Response.status(e.getCode()).entity(detailPage(id, closeForm, withdrawForm, p,
                    Problems.openReferralIds(e), null)).build();
        }
        throw e;
    }

    private TemplateInstance detailPage(UUID id, Form closeForm, Form withdrawForm, ApiProblem problem,
                                        List<String> openReferralIds, String message) throws ApiException {
        ApiResponse<CaseView> read = api.cases().getCaseWithHttpInfo(id);
        CaseView c = read.getData();
        List<ReferralRow> referrals = new ArrayList<>();
        List<CaseReferralSummary> summaries = CaseRows.newestFirst(c.getReferrals());
        for (int i = 0; i < summaries.size(); i++) {
            CaseReferralSummary s = summaries.get(i);
            ReferralView full = null;
            if (i < REFERRALS_READ && s.getStatus() != null && CaseRows.isOpen(s.getStatus())) {
                try {
                    full = api.referrals().getReferral(s.getId());
                } catch (ApiException e) {
                    if (e.getCode() != 404 && e.getCode() != 403) {
                        throw e;
                    }
                }
            }
            referrals.add(new ReferralRow(s, full));
        }
        List<TimelineEventView> events = api.cases().getCaseTimeline(id, 0, TIMELINE_SIZE).getItems();
        boolean canAct = c.getStatus() == CaseStatus.OPEN && c.getView() == CaseView.ViewEnum.FULL
                && (viewer.isReferent() || viewer.isCoordinator());
        // The referrals that keep the case from closing (named by the API's 409), shown by their target.
        List<ReferralRow> blocking = referrals.stream()
                .filter(r -> openReferralIds.contains(String.valueOf(r.summary().getId()))).toList();
        // Merging is the coordinator's, on any open case of the platform's scope (not only its own).
        boolean canMerge = c.getStatus() == CaseStatus.OPEN && viewer.isCoordinator();
        return Templates.detail(c, Problems.etag(read), referrals, events, closeForm, withdrawForm, problem,
                        blocking, message, canAct, CaseLabels.closeReasons(), List.of(), Form.empty(), canMerge)
                .data("currentPath", "/dossiers");
    }
}
