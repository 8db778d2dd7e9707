package fr.passerelle.directory.rest;

import static fr.passerelle.directory.Api.anonymous;
import static fr.passerelle.directory.Api.referent;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
class ProgrammeSearchTest {

    @Test
    void accentlessQueryWithSpelledOutNumberFindsTheSecondChanceSchool() {
        referent().queryParam("q", "ecole deuxieme chance").get("/api/v1/programmes")
                .then().statusCode(200)
                .body("items.name", hasItem("Parcours E2C (Rhône)"))
                .body("items[0].organisationName", startsWith("E2C"));
    }

    @Test
    void acronymFindsTheSameProgramme() {
        referent().queryParam("q", "E2C").get("/api/v1/programmes")
                .then().statusCode(200).body("items.name", hasItem("Parcours E2C (Rhône)"));
    }

    @Test
    void pluralAndAccentsAreFolded() {
        // "décrocheurs" in the documents; searching the singular without accent must find them.
        referent().queryParam("q", "decrocheur").get("/api/v1/programmes")
                .then().statusCode(200).body("totalItems", greaterThan(0));
        referent().queryParam("q", "Classes relais").get("/api/v1/programmes")
                .then().statusCode(200).body("items.name", hasItem("Classe relais (Rhône)"));
    }

    @Test
    void filtersNarrowTheResults() {
        referent().queryParam("category", "MENTORING").queryParam("size", 100).get("/api/v1/programmes")
                .then().statusCode(200).body("totalItems", greaterThan(0))
                .body("items.categories", everyItem(hasItem("MENTORING")));
        referent().queryParam("departement", "94").queryParam("size", 100).get("/api/v1/programmes")
                .then().statusCode(200).body("totalItems", greaterThan(0))
                .body("items.organisationName", not(hasItem(startsWith("E2C"))));
        referent().queryParam("commune", "69266").queryParam("age", 20).queryParam("schoolingStatus", "LEFT_SCHOOL")
                .queryParam("size", 100).get("/api/v1/programmes")
                .then().statusCode(200)
                .body("items.name", hasItem("Parcours E2C (Rhône)"))
                .body("items.eligibility.minAge", everyItem(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.nullValue(), lessThanOrEqualTo(20))));
        referent().queryParam("status", "CLOSED").queryParam("size", 100).get("/api/v1/programmes")
                .then().statusCode(200).body("items.status", everyItem(equalTo("CLOSED"))).body("totalItems", greaterThan(0));
        referent().queryParam("open", "true").queryParam("size", 100).get("/api/v1/programmes")
                .then().statusCode(200).body("items.open", everyItem(equalTo(true)));
    }

    @Test
    void pagesFollowTheDesignShape() {
        referent().queryParam("size", 5).queryParam("page", 1).get("/api/v1/programmes")
                .then().statusCode(200)
                .body("items", hasSize(5)).body("page", equalTo(1)).body("size", equalTo(5))
                .body("totalItems", greaterThan(50));
        referent().queryParam("size", 100).get("/api/v1/programmes").then().statusCode(200);
    }

    @ParameterizedTest
    @CsvSource({
            "size,10000,size", "size,0,size", "size,abc,size", "page,-1,page",
            "category,DANCING,category", "schoolingStatus,DROPPED,schoolingStatus", "age,-3,age", "age,200,age",
            "organisation,not-a-uuid,organisation", "commune,99999,commune", "departement,00,departement", "open,maybe,open"})
    void badParametersAnswer400WithTheParameterNamed(String name, String value, String field) {
        referent().queryParam(name, value).get("/api/v1/programmes")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("violations[0].field", equalTo(field))
                .body("requestId", notNullValue());
    }

    @Test
    void overLongQueryIsRefused() {
        referent().queryParam("q", "x".repeat(201)).get("/api/v1/programmes")
                .then().statusCode(400).body("violations[0].field", equalTo("q"));
    }

    @Test
    void anonymousCallerGets401() {
        anonymous().get("/api/v1/programmes").then().statusCode(401);
    }

    @Test
    void organisationSearchFoldsAccentsToo() {
        referent().queryParam("q", "prevention specialisee").get("/api/v1/organisations")
                .then().statusCode(200).body("items.name", hasItem(startsWith("AJD Maurice Gounon")));
    }
}
