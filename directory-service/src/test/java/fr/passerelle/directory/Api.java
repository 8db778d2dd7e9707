package fr.passerelle.directory;

import static io.restassured.RestAssured.given;

import fr.passerelle.testing.ContractCheck;
import fr.passerelle.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;

/** Requests as each kind of caller makes them; every answer is checked against the service's OpenAPI document. */
public final class Api {

    public static final String LYON_PLATFORM = "43c92e43-b7d1-4693-a06d-67f3c4f0699b";
    public static final String APPRENTIS_AUTEUIL = "07a23e44-05c2-4269-8757-ada2582fb768";

    private Api() {
    }

    public static RequestSpecification as(String token) {
        return given().filter(ContractCheck.INSTANCE).auth().oauth2(token).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    public static RequestSpecification referent() {
        return as(TestTokens.referent("0692326D"));
    }

    public static RequestSpecification partner() {
        return as(TestTokens.partner(UUID.fromString(APPRENTIS_AUTEUIL)));
    }

    public static RequestSpecification admin() {
        return as(TestTokens.directoryAdmin());
    }

    public static RequestSpecification anonymous() {
        return given().filter(ContractCheck.INSTANCE).contentType(ContentType.JSON).accept(ContentType.JSON);
    }
}
