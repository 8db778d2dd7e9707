package fr.passerelle.web.rest;

import fr.passerelle.client.ApiException;
import fr.passerelle.client.model.CaseView;
import fr.passerelle.client.model.Platform;
import fr.passerelle.client.model.Programme;
import fr.passerelle.client.model.ReferralCreateRequest;
import fr.passerelle.client.model.ReferralView;
import fr.passerelle.web.client.Api;
import fr.passerelle.web.client.ApiProblem;
import fr.passerelle.web.view.Form;
import fr.passerelle.web.view.referent.CaseRequests.Built;
import fr.passerelle.web.view.referent.Problems;
import fr.passerelle.web.view.referent.ReferralRequests;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * Filing a referral: a case towards a programme (from the finder) or a platform (chosen here), with reason, urgency and
 * context, sent at once or kept as a draft. The target's detail page belongs to the referral pages (/orientations/{id}).
 */
@Path("/orientations/nouvelle")
@Produces(MediaType.TEXT_HTML)
public class ReferralFilingPage {

    static final String PROGRAMME = "PROGRAMME";
    static final String PLATFORM = "PLATFORM";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance file(Form form, CaseView pupilCase, Programme programme, Platform platform,
                                            List<Platform> platforms, boolean askOverride, String existingReferral);
    }

    @Inject
    Api api;

    @GET
    public TemplateInstance form(@QueryParam("dossier") String dossier, @QueryParam("dispositif") String dispositif,
                                 @QueryParam("plateforme") String plateforme) throws ApiException {
        UUID caseId = id(dossier);
        if (caseId == null) {
            throw new NotFoundException(); // a referral is always of a case: start from the case
        }
        Form form = Form.empty().with("idempotencyKey", UUID.randomUUID()).with("caseId", caseId).with("urgency", "NORMAL");
        if (id(dispositif) != null) {
            form.with("targetType", PROGRAMME).with("targetId", id(dispositif));
        } else {
            form.with("targetType", PLATFORM).with("targetId", id(plateforme));
        }
        return page(form);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response file(MultivaluedMap<String, String> posted) throws ApiException {
        Form form = Form.of(posted);
        Built<ReferralCreateRequest> built = ReferralRequests.create(form);
        if (built.problem() != null) {
            return Response.status(422).entity(page(form.refusedBecause(built.problem()))).build();
        }
        try {
            ReferralView created = api.referrals().createReferral(built.request(), form.optional("idempotencyKey"));
            // "soumis" is the referral page's own confirmation code (ReferralAction.SUBMIT); a draft has none yet.
            String done = Boolean.TRUE.equals(built.request().getSubmit()) ? "soumis" : "brouillon";
            return Response.seeOther(URI.create("/orientations/" + created.getId() + "?fait=" + done)).build();
        } catch (ApiException e) {
            ApiProblem p = ApiProblem.of(e);
            if (Problems.refusedForm(e)) {
                return Response.status(422).entity(page(form.refusedBecause(p))).build();
            }
            if (e.getCode() == 409) {
                // Most often an open referral of this case to the same target already exists: the API names it.
                return Response.status(409).entity(page(form.refusedBecause(p), p.existingId())).build();
            }
            throw e;
        }
    }

    private TemplateInstance page(Form form) throws ApiException {
        return page(form, null);
    }

    private TemplateInstance page(Form form, String existingReferral) throws ApiException {
        UUID caseId = id(form.optional("caseId"));
        if (caseId == null) {
            throw new NotFoundException();
        }
        CaseView pupilCase = api.cases().getCase(caseId);
        UUID targetId = id(form.optional("targetId"));
        Programme programme = null;
        Platform platform = null;
        List<Platform> platforms = List.of();
        if (PROGRAMME.equals(form.value("targetType"))) {
            if (targetId == null) {
                throw new NotFoundException();
            }
            programme = api.programmes().getProgramme(targetId, null);
        } else {
            // A platform target: the one given, or the user picks one of the territory's platforms.
            platforms = api.platforms().listPlatforms(null, 0, 100, null).getItems();
            if (targetId != null) {
                platform = platforms.stream().filter(p -> targetId.equals(p.getId())).findFirst().orElse(null);
            }
        }
        // The override reason is asked only once the API said the young person does not fit the target.
        boolean askOverride = form.error("eligibilityOverrideReason") != null || !form.value("eligibilityOverrideReason").isEmpty();
        return Templates.file(form, pupilCase, programme, platform, platforms, askOverride, existingReferral)
                .data("currentPath", "/orientations");
    }

    private static UUID id(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw new NotFoundException();
        }
    }
}
