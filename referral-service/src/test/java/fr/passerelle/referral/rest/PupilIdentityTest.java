package fr.passerelle.referral.rest;

import static fr.passerelle.referral.support.Api.as;
import static fr.passerelle.referral.support.Api.createCase;
import static fr.passerelle.referral.support.Api.pupil;
import static fr.passerelle.referral.support.Api.referent;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.passerelle.referral.support.Api;
import fr.passerelle.referral.support.DirectoryStub;
import fr.passerelle.referral.support.ReferralDatabase;
import fr.passerelle.referral.support.TestDb;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Names are stored cleaned (NFC, no invisible characters, single spaces) and compared after case folding and accent
 * stripping: Unicode spellings of one name cannot make two cases of one pupil, nor hide a case from the
 * data-protection officer's subject-access search.
 */
@QuarkusTest
@QuarkusTestResource(ReferralDatabase.class)
@QuarkusTestResource(DirectoryStub.class)
class PupilIdentityTest {

    private final String uai = Api.freshUai();
    private final String referent = referent(uai);

    @Test
    void zoeInNfcNfdOrWithAZeroWidthSpaceIsOnePupil() {
        String lastName = Api.freshName("Durand");
        Map<String, Object> zeroWidthAndDecomposed = pupil(uai);
        zeroWidthAndDecomposed.put("firstName", "\u200BZo\u200Be\u0301 ");
        zeroWidthAndDecomposed.put("lastName", "  " + lastName.substring(0, 3) + "\u00AD" + lastName.substring(3) + "\uFEFF");
        String first = createCase(referent, zeroWidthAndDecomposed).id();
        // Stored and shown cleaned.
        as(referent).get("/api/v1/cases/" + first).then().statusCode(200)
                .body("firstName", equalTo("Zo\u00E9")).body("lastName", equalTo(lastName));

        for (String spelling : List.of("Zo\u00E9", "Zoe\u0301", "Zo\u200B\u00E9", "ZO\u00C9", "zoe", "Zo\u00E9\u200D", "\u202AZo\u00E9\u202C")) {
            Map<String, Object> again = new HashMap<>(zeroWidthAndDecomposed);
            again.put("firstName", spelling);
            again.put("lastName", lastName.toUpperCase());
            as(referent).body(again).post("/api/v1/cases").then().statusCode(409)
                    .body("type", equalTo("https://passerelle.example.org/problems/duplicate-case"))
                    .body("existingId", equalTo(first));
        }
        assertEquals(1, TestDb.count("select count(*) from pupil_case where school_uai = ?", uai));
    }

    @Test
    void aCorrectionCannotMakeASecondCaseOfTheSamePupilEither() {
        Map<String, Object> body = pupil(uai);
        body.put("firstName", "In\u00E8s");
        String existing = createCase(referent, body).id();
        Map<String, Object> other = new HashMap<>(body);
        other.put("firstName", "Agathe");
        var created = createCase(referent, other);
        as(referent).header("If-Match", created.etag()).body(Map.of("firstName", "INE\u0300S\u200B"))
                .patch("/api/v1/cases/" + created.id()).then().statusCode(409).body("existingId", equalTo(existing));
    }

    @Test
    void aNameOfInvisibleCharactersOnlyIsNoName() {
        Map<String, Object> body = pupil(uai);
        body.put("firstName", "\u200B\u200D\u00AD");
        long before = TestDb.count("select count(*) from pupil_case");
        as(referent).body(body).post("/api/v1/cases").then().statusCode(422)
                .body("violations[0].field", equalTo("firstName")).body("violations[0].code", equalTo("NOT_BLANK"));
        assertEquals(before, TestDb.count("select count(*) from pupil_case"));
    }

    @Test
    void theSubjectAccessSearchIgnoresAccentsAndCase() {
        String lastName = Api.freshName("Ha\u00EFdar");
        Map<String, Object> body = pupil(uai);
        body.put("firstName", "In\u00E8s");
        body.put("lastName", lastName);
        String caseId = createCase(referent, body).id();
        String plainLastName = lastName.replace("\u00EF", "i");
        for (List<String> names : List.of(List.of("ines", plainLastName), List.of("IN\u00C8S", lastName.toUpperCase()),
                List.of("Ine\u0300s", plainLastName.toLowerCase()))) {
            as(Api.auditor()).body(Map.of("firstName", names.get(0), "lastName", names.get(1), "birthDate", body.get("birthDate")))
                    .post("/api/v1/audit/subject-access").then().statusCode(200)
                    .body("cases.size()", equalTo(1))
                    .body("cases[0].caseData.id", equalTo(caseId))
                    .body("cases[0].caseData.firstName", equalTo("In\u00E8s"));
        }
    }
}
