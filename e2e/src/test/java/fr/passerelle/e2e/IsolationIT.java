package fr.passerelle.e2e;

import static fr.passerelle.e2e.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;

import fr.passerelle.e2e.support.Api;
import fr.passerelle.e2e.support.E2e;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** A referent of another school cannot tell that referent1's case or referral exists: 404 everywhere. */
@E2e
@Order(4)
class IsolationIT {

    @Test
    void referent2GetsNotFoundOnReferent1sCaseAndReferral() {
        String caseId = Api.newCase("referent1", "iso");
        String referralId = Api.fileReferral("referent1", caseId, Api.FIL_D_ARIANE, false, UUID.randomUUID().toString())
                .then().statusCode(201).body("status", equalTo("DRAFT")).extract().jsonPath().getString("id");
        String caseEtag = as("referent1").get("/api/v1/cases/" + caseId).then().statusCode(200).extract().header("ETag");
        String referralEtag = Api.etag("referent1", referralId);

        // Reads: 404 problem+json, as for an id that does not exist.
        notFound(as("referent2").get("/api/v1/cases/" + caseId).then().extract().response());
        notFound(as("referent2").get("/api/v1/cases/" + caseId + "/timeline").then().extract().response());
        notFound(as("referent2").get("/api/v1/referrals/" + referralId).then().extract().response());
        notFound(as("referent2").get("/api/v1/referrals/" + UUID.randomUUID()).then().extract().response());
        // Writes with the right ETag: still 404, and nothing changes.
        notFound(as("referent2").header("If-Match", referralEtag)
                .post("/api/v1/referrals/" + referralId + "/submit").then().extract().response());
        notFound(as("referent2").header("If-Match", caseEtag).body(Map.of("schoolLevel", "TERMINALE"))
                .patch("/api/v1/cases/" + caseId).then().extract().response());
        // Lists: not there either.
        as("referent2").queryParam("size", 100).get("/api/v1/cases").then().statusCode(200)
                .body("items.id", not(hasItem(caseId)));
        as("referent2").queryParam("size", 100).get("/api/v1/referrals").then().statusCode(200)
                .body("items.id", not(hasItem(referralId)));

        // referent1 still sees both, unchanged.
        as("referent1").get("/api/v1/referrals/" + referralId).then().statusCode(200)
                .body("status", equalTo("DRAFT")).header("ETag", equalTo(referralEtag));
        as("referent1").get("/api/v1/cases/" + caseId).then().statusCode(200).header("ETag", equalTo(caseEtag));

        // Tidy up: the draft is cancelled by its author.
        as("referent1").header("If-Match", referralEtag).body(Map.of())
                .post("/api/v1/referrals/" + referralId + "/cancel").then().statusCode(200).body("status", equalTo("CANCELLED"));
    }

    private static void notFound(io.restassured.response.Response response) {
        response.then().statusCode(404).contentType(Api.PROBLEM_JSON).body("status", equalTo(404));
    }
}
