package fr.passerelle.e2e;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import fr.passerelle.e2e.support.Api;
import fr.passerelle.e2e.support.E2e;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Through the gateway with real Keycloak tokens: partner1 sets its programme « Le Fil d'Ariane » to 0 places and
 * referent1's very next match no longer offers it; the places are set back to what they were (the other suites
 * file referrals to it), and both writes are in the directory's change log for admin1.
 */
@E2e
@Order(5)
class PartnerAvailabilityIT {

    private static final Map<String, Object> SEVENTEEN_IN_VILLEURBANNE = Map.of("age", 17, "schoolLevel", "PREMIERE",
            "schoolingStatus", "AT_RISK", "communeCode", Api.VILLEURBANNE, "limit", 100);

    private static String etag() {
        return Api.as("partner1").get("/api/v1/programmes/" + Api.FIL_D_ARIANE).then().statusCode(200).extract().header("ETag");
    }

    private static io.restassured.response.ValidatableResponse match() {
        return Api.as("referent1").body(SEVENTEEN_IN_VILLEURBANNE).post("/api/v1/programmes/match").then().statusCode(200);
    }

    @Test
    void aPartnerSetsPlacesToZeroAndTheNextMatchNoLongerOffersTheProgramme() {
        match().body("items.programme.id", hasItem(Api.FIL_D_ARIANE));
        Integer before = Api.as("partner1").get("/api/v1/programmes/" + Api.FIL_D_ARIANE).then().extract().path("placesAvailable");
        try {
            Api.as("partner1").header("If-Match", etag()).contentType("application/merge-patch+json; charset=utf-8")
                    .body("{\"placesAvailable\":0}").patch("/api/v1/programmes/" + Api.FIL_D_ARIANE + "/availability")
                    .then().statusCode(200).body("open", equalTo(false));
            match().body("items.programme.id", not(hasItem(Api.FIL_D_ARIANE)));
            // Another organisation's programme stays out of partner1's reach, and so do the other fields.
            Api.as("partner1").header("If-Match", etag()).contentType("application/merge-patch+json; charset=utf-8")
                    .body("{\"name\":\"Autre\"}").patch("/api/v1/programmes/" + Api.FIL_D_ARIANE + "/availability")
                    .then().statusCode(403).contentType(Api.PROBLEM_JSON);
        } finally {
            Api.as("partner1").header("If-Match", etag()).contentType("application/merge-patch+json; charset=utf-8")
                    .body("{\"placesAvailable\":" + before + "}").patch("/api/v1/programmes/" + Api.FIL_D_ARIANE + "/availability")
                    .then().statusCode(200);
        }
        match().body("items.programme.id", hasItem(Api.FIL_D_ARIANE));
        Api.as("admin1").queryParam("recordId", Api.FIL_D_ARIANE).get("/api/v1/directory-changes").then().statusCode(200)
                .body("items[0].channel", equalTo("AVAILABILITY")).body("items[1].changes[0].newValue", equalTo("0"))
                .body("items[1].actor.role", equalTo("partner"));
    }
}
