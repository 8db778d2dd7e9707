package fr.passerelle.web.rest;

import fr.passerelle.client.ApiException;
import fr.passerelle.client.model.CaseView;
import fr.passerelle.client.model.MatchRequest;
import fr.passerelle.client.model.MatchResponse;
import fr.passerelle.client.model.MatchResult;
import fr.passerelle.web.client.Api;
import fr.passerelle.web.client.ApiProblem;
import fr.passerelle.web.view.Form;
import fr.passerelle.web.view.referent.CaseRequests.Built;
import fr.passerelle.web.view.referent.Problems;
import fr.passerelle.web.view.referent.ReferralRequests;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;

/**
 * The programme finder: the young person's situation in, the programmes that fit out, each with the reasons in French.
 * A search changes nothing, so the form is a GET (bookmarkable, no CSRF token); the API call is POST /programmes/match.
 * With ?dossier=… the criteria come from the case and each result offers to file a referral for it.
 */
@Path("/dispositifs/recherche")
@Produces(MediaType.TEXT_HTML)
public class FinderPage {

    /** Query parameters that are criteria (their presence means "search now"). */
    private static final List<String> CRITERIA = List.of("age", "birthDate", "schoolLevel", "schoolingStatus", "communeCode",
            "livesInQpv", "category");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance finder(Form form, CaseView pupilCase, List<MatchResult> results, Integer age,
                                              boolean searched);
    }

    @Inject
    Api api;

    @GET
    public Response find(@Context UriInfo uri) throws ApiException {
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        Form form = Form.of(query);
        CaseView pupilCase = null;
        UUID caseId = parse(form.optional("dossier"));
        boolean criteriaGiven = CRITERIA.stream().anyMatch(c -> !form.value(c).isEmpty());
        if (caseId != null) {
            pupilCase = api.cases().getCase(caseId); // 404 (not found or not theirs): the French error page
            if (!criteriaGiven) {
                form.with("birthDate", pupilCase.getBirthDate())
                        .with("schoolLevel", pupilCase.getSchoolLevel())
                        .with("schoolingStatus", pupilCase.getSchoolingStatus())
                        .with("communeCode", pupilCase.getHomeCommuneCode())
                        .with("livesInQpv", pupilCase.getLivesInQpv());
            }
        }
        if (!criteriaGiven && pupilCase == null) {
            return Response.ok(page(form, null, List.of(), null, false)).build();
        }
        Built<MatchRequest> built = ReferralRequests.match(form);
        if (built.problem() != null) {
            return Response.status(422).entity(page(form.refusedBecause(built.problem()), pupilCase, List.of(), null, false)).build();
        }
        try {
            MatchResponse found = api.programmes().matchProgrammes(built.request());
            List<MatchResult> results = ReferralRequests.inCategories(found.getItems(), form.values("category"));
            return Response.ok(page(form, pupilCase, results, found.getAge(), true)).build();
        } catch (ApiException e) {
            if (Problems.refusedForm(e)) {
                return Response.status(422).entity(page(form.refusedBecause(ApiProblem.of(e)), pupilCase, List.of(), null, false))
                        .build();
            }
            throw e;
        }
    }

    private static TemplateInstance page(Form form, CaseView pupilCase, List<MatchResult> results, Integer age, boolean searched) {
        return Templates.finder(form, pupilCase, results, age, searched).data("currentPath", "/dispositifs/recherche");
    }

    private static UUID parse(String id) {
        try {
            return id == null ? null : UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new jakarta.ws.rs.NotFoundException(); // a malformed id is a case that does not exist
        }
    }
}
