package fr.passerelle.e2e.security;

import static fr.passerelle.e2e.support.Api.as;

import fr.passerelle.e2e.support.Api;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The objects the suite aims at: a case of referent1 with a submitted referral to partner1's « Le Fil
 * d'Ariane » (so it is in coordinator1's triage scope), and seeded directory records that no other test
 * uses, for the directory's writes (sent with a stale If-Match, so that nothing is changed).
 */
final class Fixtures {

    /** The UUID that no record has: an id that is certainly absent. */
    static final String ABSENT = "00000000-0000-4000-8000-000000000000";
    static final String STALE = "\"v999999\"";
    /** Records other tests rely on: never a write target here. */
    private static final Set<String> PROTECTED = Set.of(Api.PARTNER1_ORGANISATION, Api.COORDINATOR1_PLATFORM, Api.FIL_D_ARIANE,
            "0d93c298-59e7-445c-83d9-301612c34084", "a64470d4-7a66-42be-aa54-e9bcf03931ba");

    final String caseId;
    final String referralId;
    final String otherOrganisation;
    final String otherProgramme;
    final String otherPlatform;
    /** HSDS objects that have no seeded id of their own (derived by the directory): the first of each list. */
    final String taxonomy;
    final String taxonomyTerm;
    final String serviceAtLocation;

    private Fixtures(String caseId, String referralId, String otherOrganisation, String otherProgramme, String otherPlatform) {
        this.taxonomy = firstHsds("/api/v1/hsds/taxonomies");
        this.taxonomyTerm = firstHsds("/api/v1/hsds/taxonomy_terms");
        this.serviceAtLocation = firstHsds("/api/v1/hsds/service_at_locations");
        this.caseId = caseId;
        this.referralId = referralId;
        this.otherOrganisation = otherOrganisation;
        this.otherProgramme = otherProgramme;
        this.otherPlatform = otherPlatform;
    }

    private static volatile Fixtures created;

    static synchronized Fixtures get() {
        if (created == null) {
            String caseId = Api.newCase("referent1", "sec");
            String referralId = Api.fileReferral("referent1", caseId, Api.FIL_D_ARIANE, true, UUID.randomUUID().toString())
                    .then().statusCode(201).extract().jsonPath().getString("id");
            created = new Fixtures(caseId, referralId, unprotected("/api/v1/organisations"), unprotected("/api/v1/programmes"),
                    unprotected("/api/v1/platforms"));
        }
        return created;
    }

    private static String firstHsds(String list) {
        String id = as("admin1").queryParam("per_page", 1).get(list).then().statusCode(200).extract().jsonPath()
                .getString("contents[0].id");
        if (id == null) {
            throw new AssertionError("no object in " + list);
        }
        return id;
    }

    private static String unprotected(String list) {
        List<Map<String, Object>> items = as("admin1").queryParam("size", 50).get(list).then().statusCode(200)
                .extract().jsonPath().getList("items");
        return items.stream().map(i -> (String) i.get("id")).filter(id -> !PROTECTED.contains(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no seeded record in " + list + " that other tests do not use"));
    }
}
