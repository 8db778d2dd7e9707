package fr.passerelle.e2e.security;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import fr.passerelle.e2e.support.Api;
import fr.passerelle.e2e.support.Jwts;
import fr.passerelle.e2e.support.Keycloak;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

/**
 * Category 2: every operation of the gateway's merged OpenAPI document × every identity, through the
 * gateway and straight at the owning service, checked against the rules of DESIGN.md ("Who uses it",
 * "Identity, claims and ids", the lifecycle table) written down below, one entry per operation. An
 * operation of the document without an entry fails ("add its rule"), so that a new operation cannot
 * escape the matrix.
 * <p>
 * The objects: referent1's case and its referral SUBMITTED to partner1's « Le Fil d'Ariane » (see
 * {@link Fixtures}). Writes that would change shared objects carry a stale If-Match: the services decide
 * visibility (404) and the right to act (403) before they compare versions (412), so an allowed caller
 * gets 412 and nothing changes.
 */
final class AccessMatrix {

    /** What a caller must get: ALLOW = past authorisation (not 401/403/404); FORBID = 403; HIDE = 404. */
    enum Outcome { ALLOW, FORBID, HIDE, HIDE_REFERENCE }

    static final List<String> PEOPLE = List.of("referent1", "referent2", "coordinator1", "partner1", "admin1", "auditor1",
            Keycloak.PARTNER_SYSTEM);

    /** One operation's rule and how to call it. */
    record Rule(Map<String, Outcome> outcomes, Function<Fixtures, String> body, boolean staleIfMatch, String contentType) {

        Rule allow(String... who) {
            return with(Outcome.ALLOW, who);
        }

        Rule hide(String... who) {
            return with(Outcome.HIDE, who);
        }

        Rule hideReference(String... who) {
            return with(Outcome.HIDE_REFERENCE, who);
        }

        Rule body(Function<Fixtures, String> body) {
            return new Rule(outcomes, body, staleIfMatch, contentType);
        }

        /** A body of another media type than JSON (so that no caller is turned away with 415 before authorisation). */
        Rule body(String mediaType, Function<Fixtures, String> body) {
            return new Rule(outcomes, body, staleIfMatch, mediaType);
        }

        Rule stale() {
            return new Rule(outcomes, body, true, contentType);
        }

        private Rule with(Outcome outcome, String... who) {
            Map<String, Outcome> copy = new LinkedHashMap<>(outcomes);
            for (String w : who) {
                copy.put(w, outcome);
            }
            return new Rule(copy, body, staleIfMatch, contentType);
        }
    }

    /** Every person and system forbidden (403) until the rule says otherwise. */
    private static Rule forbidden() {
        Map<String, Outcome> all = new LinkedHashMap<>();
        PEOPLE.forEach(p -> all.put(p, Outcome.FORBID));
        return new Rule(all, f -> null, false, "application/json");
    }

    private static final String[] EVERYONE = PEOPLE.toArray(String[]::new);
    /** Those who work on pupils' referrals: the two referents, the coordinator, the partner and its system. */
    private static final String[] CASEWORKERS = {"referent1", "referent2", "coordinator1", "partner1", Keycloak.PARTNER_SYSTEM};
    /** Those who see referent1's case and its referral: its school, the triage platform, the target's organisation. */
    private static final String[] SEERS = {"referent1", "coordinator1", "partner1", Keycloak.PARTNER_SYSTEM};
    private static final String[] TARGET = {"partner1", Keycloak.PARTNER_SYSTEM};

    /** DESIGN.md's rules, keyed by method and path template. */
    static Map<String, Rule> table() {
        Map<String, Rule> t = new LinkedHashMap<>();
        // Directory: any person with a role, or a system with directory:read, reads; only directory-admin writes.
        for (String read : List.of("/api/v1/organisations", "/api/v1/organisations/{id}", "/api/v1/programmes",
                "/api/v1/programmes/codes", "/api/v1/programmes/{id}", "/api/v1/platforms", "/api/v1/platforms/{id}",
                "/api/v1/territories/communes", "/api/v1/territories/communes/{code}", "/api/v1/territories/departements",
                "/api/v1/territories/departements/{code}", "/api/v1/territories/academies", "/api/v1/hsds", "/api/v1/hsds/services",
                "/api/v1/hsds/services/{id}", "/api/v1/hsds/organizations", "/api/v1/hsds/organizations/{id}",
                "/api/v1/hsds/taxonomies", "/api/v1/hsds/taxonomies/{id}", "/api/v1/hsds/taxonomy_terms",
                "/api/v1/hsds/taxonomy_terms/{id}", "/api/v1/hsds/service_at_locations", "/api/v1/hsds/service_at_locations/{id}")) {
            t.put("GET " + read, forbidden().allow(EVERYONE));
        }
        t.put("POST /api/v1/programmes/match", forbidden().allow(EVERYONE).body(f -> MATCH));
        // One programme's eligibility: read access, like match (without criteria, those allowed get 400, past authorisation).
        t.put("GET /api/v1/programmes/{id}/eligibility", forbidden().allow(EVERYONE));
        for (String collection : List.of("/api/v1/organisations", "/api/v1/programmes", "/api/v1/platforms")) {
            // An empty body: the editor passes authorisation and is refused on input (400/422); nobody creates anything.
            t.put("POST " + collection, forbidden().allow("admin1").body(f -> "{}"));
            t.put("PUT " + collection + "/{id}", forbidden().allow("admin1").body(f -> "{}").stale());
            t.put("DELETE " + collection + "/{id}", forbidden().allow("admin1").stale());
        }
        // A partner keeps its own programmes' places, status and contacts (the fixture's programme belongs to another
        // organisation: 403 for partner1); editors too. The change log is for editors and auditors; the school import
        // for editors (a header alone: an empty file, refused after authorisation).
        t.put("PATCH /api/v1/programmes/{id}/availability", forbidden().allow("admin1").body(f -> "{}").stale());
        t.put("GET /api/v1/directory-changes", forbidden().allow("admin1", "auditor1"));
        t.put("POST /api/v1/schools/import", forbidden().allow("admin1").body("text/csv", f -> SCHOOL_IMPORT_HEADER));
        // Cases: referents for their school, coordinators for those who left school; partners read through referrals.
        t.put("POST /api/v1/cases", forbidden().allow("referent1").body(f -> json(Api.pupil("matrix"))));
        t.put("GET /api/v1/cases", forbidden().allow(CASEWORKERS));
        t.put("GET /api/v1/cases/{id}", forbidden().allow(SEERS).hide("referent2"));
        t.put("GET /api/v1/cases/{id}/timeline", forbidden().allow(SEERS).hide("referent2"));
        t.put("PATCH /api/v1/cases/{id}", forbidden().allow("referent1").hide("referent2")
                .body(f -> "{\"schoolLevel\":\"TERMINALE\"}").stale());
        t.put("POST /api/v1/cases/{id}/close", forbidden().allow("referent1").hide("referent2").body(f -> "{}").stale());
        // Merging two cases of one young person: coordinators only (the role is checked before the case is looked up).
        t.put("POST /api/v1/cases/{id}/merge", forbidden().allow("coordinator1")
                .body(f -> "{\"duplicateId\":\"" + Fixtures.ABSENT + "\"}").stale());
        t.put("POST /api/v1/cases/{id}/consent/withdraw", forbidden().allow("referent1").hide("referent2").body(f -> "{}").stale());
        // Referrals: filed by the case's owner; each lifecycle action by the party the lifecycle table names.
        t.put("POST /api/v1/referrals", forbidden().allow("referent1").hideReference("referent2").body(f -> json(Map.of(
                "caseId", f.caseId, "targetType", "PROGRAMME", "targetId", Api.FIL_D_ARIANE, "reason", "ABSENTEEISM",
                "urgency", "HIGH", "context", "Matrice d'accès.", "submit", false))));
        t.put("GET /api/v1/referrals", forbidden().allow(CASEWORKERS));
        t.put("GET /api/v1/referrals/codes", forbidden().allow(EVERYONE));
        t.put("GET /api/v1/referrals/{id}", forbidden().allow(SEERS).hide("referent2"));
        t.put("POST /api/v1/referrals/{id}/submit", forbidden().allow("referent1").hide("referent2").stale());
        t.put("POST /api/v1/referrals/{id}/cancel", forbidden().allow("referent1").hide("referent2")
                .body(f -> "{\"reason\":\"NO_LONGER_NEEDED\"}").stale());
        String today = Api.today().toString();
        Map<String, String> targetActions = Map.of("receive", "{}", "accept", "{}", "waitlist", "{}",
                "decline", "{\"reason\":\"NO_PLACE\"}", "start", "{\"startDate\":\"" + today + "\"}",
                "complete", "{\"outcome\":\"RETURN_TO_SCHOOL\",\"outcomeDate\":\"" + today + "\"}");
        targetActions.forEach((action, body) -> t.put("POST /api/v1/referrals/{id}/" + action,
                forbidden().allow(TARGET).hide("referent2").body(f -> body).stale()));
        // Redirect is for the coordinator of a PLATFORM target; this referral targets a programme: nobody.
        t.put("POST /api/v1/referrals/{id}/redirect", forbidden().hide("referent2")
                .body(f -> "{\"programmeId\":\"" + Api.FIL_D_ARIANE + "\"}").stale());
        // Assignment: the party responsible now (the target's partner, its system too, for this SUBMITTED referral to a
        // directly admitting programme); the school and the triage platform see it but are not responsible (403).
        // The situation 6 and 12 months after completion: the completing organisation (this referral is not completed:
        // the allowed callers get 412 or 409, nothing is recorded).
        t.put("POST /api/v1/referrals/{id}/outcome-follow-ups", forbidden().allow(TARGET).hide("referent2")
                .body(f -> "{\"milestone\":\"SIX_MONTHS\",\"situation\":\"RETURN_TO_SCHOOL\"}").stale());
        t.put("POST /api/v1/referrals/{id}/assign", forbidden().allow(TARGET).hide("referent2")
                .body(f -> "{\"assigneeId\":null}").stale());
        // What needs me now: whoever has a pupil-data scope (counts only, no personal data).
        t.put("GET /api/v1/inbox/summary", forbidden().allow(CASEWORKERS));
        t.put("GET /api/v1/referrals/{id}/follow-ups", forbidden().allow(SEERS).hide("referent2"));
        t.put("POST /api/v1/referrals/{id}/follow-ups", forbidden().allow(SEERS).hide("referent2").body(f -> json(Map.of(
                "entryDate", today, "kind", "MEETING", "visibility", "AUTHOR_ORG", "text", "Entretien de suivi (matrice d'accès)."))));
        // The coordinators' queue; statistics without personal data; the audit trail for the auditor only.
        t.put("GET /api/v1/triage", forbidden().allow("coordinator1"));
        t.put("GET /api/v1/stats", forbidden().allow(EVERYONE));
        t.put("GET /api/v1/audit", forbidden().allow("auditor1"));
        t.put("POST /api/v1/audit/subject-access", forbidden().allow("auditor1")
                .body(f -> "{\"caseId\":\"" + f.caseId + "\",\"reference\":\"DPO-E2E-MATRIX\"}"));
        // Webhooks: partner staff and coordinators for their attachment, a system with webhooks:manage (partner-system has
        // it in the dev realm). The body is refused after authorisation (a private address: 422), so nothing is created;
        // an absent subscription is 404 for those who may manage webhooks, 403 for the others.
        String[] webhookOwners = {"partner1", "coordinator1", Keycloak.PARTNER_SYSTEM};
        t.put("POST /api/v1/webhooks", forbidden().allow(webhookOwners)
                .body(f -> "{\"url\":\"https://10.0.0.1/hooks\",\"events\":[\"*\"]}"));
        t.put("GET /api/v1/webhooks", forbidden().allow(webhookOwners));
        t.put("GET /api/v1/webhooks/{id}", forbidden().hide(webhookOwners));
        t.put("DELETE /api/v1/webhooks/{id}", forbidden().hide(webhookOwners));
        t.put("GET /api/v1/webhooks/{id}/deliveries", forbidden().hide(webhookOwners));
        t.put("POST /api/v1/webhooks/{id}/deliveries/{deliveryId}/retry", forbidden().hide(webhookOwners));
        // E-mail notification preferences: people whose role sees referrals; never another system (client credentials).
        String[] people = {"referent1", "referent2", "coordinator1", "partner1"};
        t.put("GET /api/v1/me/notifications", forbidden().allow(people));
        t.put("PUT /api/v1/me/notifications", forbidden().allow(people).body(f -> "{\"defaultMode\":\"OFF\",\"events\":{}}"));
        return t;
    }

    private static final String SCHOOL_IMPORT_HEADER = "Identifiant_de_l_etablissement;Nom_etablissement;Type_etablissement;"
            + "Statut_public_prive;Adresse_1;Adresse_2;Adresse_3;Code_postal;Code_commune;Nom_commune;Code_departement;"
            + "Code_academie;Code_region;Telephone;Mail\r\n";

    private static final String MATCH = "{\"age\":17,\"schoolLevel\":\"PREMIERE\",\"schoolingStatus\":\"AT_RISK\",\"communeCode\":\"69266\"}";

    static String json(Object value) {
        try {
            return Jwts.JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The gateway's merged document, once it holds both services' operations (the gateway serves a
     * partial document for a while when an upstream did not answer its fetch).
     */
    private static JsonNode document() {
        JsonNode[] doc = new JsonNode[1];
        fr.passerelle.e2e.support.Stack.await("the merged OpenAPI document to hold both services' operations",
                java.time.Duration.ofSeconds(60), () -> {
                    try {
                        doc[0] = Jwts.JSON.readTree(given().baseUri(Exchange.GATEWAY).accept("application/json").get("/q/openapi")
                                .then().extract().asByteArray());
                    } catch (Exception e) {
                        return false;
                    }
                    JsonNode paths = doc[0].path("paths");
                    return paths.has("/api/v1/programmes/match") && paths.has("/api/v1/referrals");
                });
        return doc[0];
    }

    /** Runs the matrix into the tally; returns the operations of the document. */
    static int run(Tally tally, Fixtures f) {
        JsonNode doc = document();
        Map<String, Rule> table = table();
        Set<String> documented = new TreeSet<>();
        List<Runnable> tasks = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").properties().iterator(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
                String method = methods.next().toUpperCase();
                if (!Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    continue;
                }
                String key = method + " " + path.getKey();
                String operationId = path.getValue().path(method.toLowerCase()).path("operationId").asText(key);
                documented.add(key);
                Rule rule = table.get(key);
                if (rule == null) {
                    RawHttp.Request request = RawHttp.Request.of(method, Exchange.GATEWAY, path.getKey());
                    tally.record(operationId, request, new RawHttp.Answer(0, Map.of(), new byte[0], 0, "not sent"),
                            List.of("no rule for " + key + " in AccessMatrix.table(): add its rule"));
                    continue;
                }
                String target = concrete(path.getKey(), f);
                String service = service(path.getKey());
                List<String> callers = new ArrayList<>(PEOPLE);
                callers.add(0, null);
                for (String caller : callers) {
                    for (String base : List.of(Exchange.GATEWAY, service)) {
                        tasks.add(() -> check(tally, operationId, key, method, base, target, rule, caller, f));
                    }
                }
            }
        }
        Exchange.parallel(tasks, 4);
        table.keySet().stream().filter(k -> !documented.contains(k))
                .forEach(k -> System.out.println("security: access matrix: rule for " + k + " has no operation in the document (removed?)"));
        return documented.size();
    }

    private static void check(Tally tally, String operationId, String key, String method, String base, String target, Rule rule,
                              String caller, Fixtures f) {
        RawHttp.Request request = RawHttp.Request.of(method, base, target).header("Accept", "application/json");
        if (caller != null) {
            request.bearer(Exchange.token(caller));
        }
        if (rule.staleIfMatch()) {
            request.header("If-Match", Fixtures.STALE);
        }
        if (method.equals("POST") && (key.equals("POST /api/v1/cases") || key.equals("POST /api/v1/referrals"))) {
            request.header("Idempotency-Key", UUID.randomUUID().toString());
        }
        String body = rule.body().apply(f);
        if (body != null) {
            request = request.header("Content-Type", rule.contentType()).body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } else if (!method.equals("GET") && !method.equals("DELETE")) {
            request = request.json("{}");
        }
        RawHttp.Answer answer = Exchange.send(caller, request);
        Outcome expected = caller == null ? null : rule.outcomes().get(caller);
        List<String> problems = new ArrayList<>();
        int s = answer.status();
        String who = caller == null ? "anonymous" : caller;
        if (s < 0 || s >= 500) {
            problems.add("expected " + (expected == null ? "401" : expected) + " for " + who + ", got " + (s < 0 ? "no answer" : s));
        } else if (expected == null) {
            if (s != 401) {
                problems.add("anonymous: expected 401, got " + s);
            }
        } else {
            switch (expected) {
                case ALLOW -> {
                    if (s == 401 || s == 403 || s == 404) {
                        problems.add(who + " is allowed: expected past authorisation, got " + s);
                    }
                }
                case FORBID -> {
                    if (s != 403) {
                        problems.add(who + " has the wrong role or part: expected 403, got " + s);
                    }
                }
                case HIDE -> {
                    if (s != 404) {
                        problems.add(who + " may not see the object: expected 404, got " + s);
                    }
                }
                case HIDE_REFERENCE -> {
                    if (s != 404 && s != 422) {
                        problems.add(who + " may not see the referenced object: expected 404 or 422 (as for an unknown id), got " + s);
                    }
                }
            }
        }
        tally.record(operationId + " as " + who, request, answer, problems);
    }

    /** The path with the fixtures' ids in place of its parameters. */
    static String concrete(String template, Fixtures f) {
        String id = template.startsWith("/api/v1/organisations") ? f.otherOrganisation
                : template.startsWith("/api/v1/programmes") ? f.otherProgramme
                : template.startsWith("/api/v1/platforms") ? f.otherPlatform
                : template.startsWith("/api/v1/hsds/services") ? Api.FIL_D_ARIANE
                : template.startsWith("/api/v1/hsds/organizations") ? Api.PARTNER1_ORGANISATION
                : template.startsWith("/api/v1/hsds/taxonomies") ? f.taxonomy
                : template.startsWith("/api/v1/hsds/taxonomy_terms") ? f.taxonomyTerm
                : template.startsWith("/api/v1/hsds/service_at_locations") ? f.serviceAtLocation
                : template.startsWith("/api/v1/cases") ? f.caseId
                : template.startsWith("/api/v1/referrals") ? f.referralId
                : Fixtures.ABSENT;
        String code = template.contains("/communes/") ? Api.VILLEURBANNE : "69";
        return template.replace("{id}", id).replace("{code}", code).replace("{deliveryId}", Fixtures.ABSENT);
    }

    static String service(String path) {
        return List.of("/api/v1/organisations", "/api/v1/programmes", "/api/v1/platforms", "/api/v1/territories", "/api/v1/hsds",
                        "/api/v1/schools", "/api/v1/directory-changes")
                .stream().anyMatch(path::startsWith) ? Exchange.DIRECTORY : Exchange.REFERRAL;
    }
}
