package fr.passerelle.web.view.referent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.client.model.CloseReason;
import fr.passerelle.client.model.CaseCreateRequest;
import fr.passerelle.client.model.ConsentGiver;
import fr.passerelle.client.model.GuardianRelationship;
import fr.passerelle.client.model.SchoolLevel;
import fr.passerelle.web.view.Form;
import jakarta.ws.rs.core.MultivaluedHashMap;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CaseRequestsTest {

    static Form form(String... pairs) {
        MultivaluedHashMap<String, String> posted = new MultivaluedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            posted.add(pairs[i], pairs[i + 1]);
        }
        return Form.of(posted);
    }

    @Test
    void aFilledFormBecomesTheRequestWithBlankOptionalFieldsLeftOut() {
        var built = CaseRequests.create(form("firstName", " Léa ", "lastName", "Martin", "birthDate", "2011-03-14",
                "ine", "123456789ab", "schoolLevel", "TROISIEME", "schoolingStatus", "", "homeCommuneCode", "69266",
                "livesInQpv", "true", "guardians[0].relationship", "MOTHER", "guardians[0].firstName", "Nadia",
                "guardians[0].phone", "06 12 34 56 78", "guardians[1].firstName", "",
                "consent.givenBy", "GUARDIAN", "consent.givenAt", "2026-11-20", "consent.purpose", "REFERRAL"));
        assertNull(built.problem());
        CaseCreateRequest r = built.request();
        assertEquals("Léa", r.getFirstName());
        assertEquals(LocalDate.of(2011, 3, 14), r.getBirthDate());
        assertEquals("123456789AB", r.getIne());
        assertEquals(SchoolLevel.TROISIEME, r.getSchoolLevel());
        assertNull(r.getSchoolingStatus());
        assertEquals(Boolean.TRUE, r.getLivesInQpv());
        assertNull(r.getSchoolUai(), "a referent's school comes from the token");
        assertEquals(1, r.getGuardians().size());
        assertEquals(GuardianRelationship.MOTHER, r.getGuardians().get(0).getRelationship());
        assertNull(r.getGuardians().get(0).getEmail());
        assertEquals(ConsentGiver.GUARDIAN, r.getConsent().getGivenBy());
        assertEquals(LocalDate.of(2026, 11, 20), r.getConsent().getGivenAt());
    }

    @Test
    void whatCannotTravelIsRefusedNextToItsFieldAndTheRestIsLeftToTheApi() {
        var built = CaseRequests.create(form("birthDate", "14/03/2011", "livesInQpv", ""));
        assertNotNull(built.problem());
        assertEquals(422, built.problem().status());
        assertTrue(built.problem().hasField("birthDate"));
        assertEquals(1, built.problem().fieldErrors().size());
        assertNull(built.request().getConsent(), "no consent typed: the API says consent is required");
        assertNull(built.request().getLivesInQpv());
    }

    @Test
    void aSecondGuardianWithoutAFirstIsRefusedOnTheFirstRow() {
        var built = CaseRequests.create(form("guardians[1].firstName", "Karim"));
        assertTrue(built.problem().hasField("guardians[0].relationship"));
    }

    @Test
    void closeAndWithdrawalKeepOnlyWhatWasGiven() {
        var close = CaseRequests.close(form("reason", "MOVED_AWAY", "comment", ""));
        assertEquals(CloseReason.MOVED_AWAY, close.request().getReason());
        assertNull(close.request().getComment());
        var withdrawal = CaseRequests.withdrawConsent(form("withdrawnBy", "", "withdrawnAt", "2026-11-29"));
        assertNull(withdrawal.request().getWithdrawnBy());
        assertEquals(LocalDate.of(2026, 11, 29), withdrawal.request().getWithdrawnAt());
    }

    @Test
    void aMergeTakesThePastedIdFirstAndNeedsTheConfirmation() {
        String chosen = "0b6f1c9e-3a4d-4e1f-9c2b-7d8e5f6a1b2c";
        String pasted = "3f2b8c1a-5d6e-4f7a-8b9c-0d1e2f3a4b5c";
        var built = CaseRequests.merge(form("duplicateId", chosen, "autreDossier", " " + pasted + " ", "confirmation", "oui"));
        assertNull(built.problem());
        assertEquals(pasted, built.request().getDuplicateId().toString());
        assertEquals(chosen, CaseRequests.merge(form("duplicateId", chosen, "confirmation", "oui")).request().getDuplicateId().toString());

        var unconfirmed = CaseRequests.merge(form("duplicateId", chosen));
        assertNotNull(unconfirmed.problem());
        assertNotNull(unconfirmed.problem().field("confirmation"));
        var nothing = CaseRequests.merge(form("confirmation", "oui"));
        assertNotNull(nothing.problem().field("duplicateId"));
        var notAnId = CaseRequests.merge(form("autreDossier", "dossier de Léa", "confirmation", "oui"));
        assertNotNull(notAnId.problem().field("autreDossier"));
    }

    @Test
    void onlyWellFormedDuplicateIdsReachTheCasePage() {
        String id = "0b6f1c9e-3a4d-4e1f-9c2b-7d8e5f6a1b2c";
        assertEquals(java.util.List.of(id), CaseRows.duplicateIds(id + ",<script>," + id + ", ,x"));
        assertTrue(CaseRows.duplicateIds(null).isEmpty());
        assertTrue(CaseRows.duplicateIds("").isEmpty());
        assertEquals("/dossiers?page=1&naissance=2011-03-14&q=l%C3%A9a", CaseRows.listHref(null, "léa", LocalDate.of(2011, 3, 14), 1));
    }
}
