package fr.passerelle.web.view.referent;

import static fr.passerelle.web.view.referent.CaseRequestsTest.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.client.model.MatchResult;
import fr.passerelle.client.model.Programme;
import fr.passerelle.client.model.ReferralReason;
import fr.passerelle.client.model.SchoolingStatus;
import fr.passerelle.client.model.TargetType;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReferralRequestsTest {

    @Test
    void theFinderSendsTheBirthDateRatherThanTheAgeWhenBothAreGiven() {
        var built = ReferralRequests.match(form("birthDate", "2011-03-14", "age", "15", "schoolingStatus", "AT_RISK",
                "communeCode", "69266", "livesInQpv", "false"));
        assertNull(built.problem());
        assertEquals(LocalDate.of(2011, 3, 14), built.request().getBirthDate());
        assertNull(built.request().getAge());
        assertEquals(SchoolingStatus.AT_RISK, built.request().getSchoolingStatus());
        assertEquals(Boolean.FALSE, built.request().getLivesInQpv());
        assertEquals(ReferralRequests.MATCH_LIMIT, built.request().getLimit());
        assertTrue(ReferralRequests.match(form("age", "quinze")).problem().hasField("age"));
    }

    @Test
    void categoriesKeepTheProgrammesOfAnyChosenCategory() {
        MatchResult relay = new MatchResult().programme(new Programme().name("Relais").categories(List.of("CLASSE_RELAIS")));
        MatchResult school = new MatchResult().programme(new Programme().name("E2C").categories(List.of("E2C", "FORMATION")));
        List<MatchResult> all = List.of(relay, school);
        assertEquals(all, ReferralRequests.inCategories(all, List.of()));
        assertEquals(List.of(school), ReferralRequests.inCategories(all, List.of("FORMATION", "AUTRE")));
    }

    @Test
    void aReferralIsSubmittedUnlessKeptAsDraft() {
        UUID caseId = UUID.randomUUID();
        UUID programme = UUID.randomUUID();
        var sent = ReferralRequests.create(form("caseId", caseId.toString(), "targetType", "PROGRAMME",
                "targetId", programme.toString(), "reason", "ABSENTEEISM", "urgency", "", "context", " Absences répétées ",
                "submit", "true"));
        assertNull(sent.problem());
        assertEquals(caseId, sent.request().getCaseId());
        assertEquals(TargetType.PROGRAMME, sent.request().getTargetType());
        assertEquals(ReferralReason.ABSENTEEISM, sent.request().getReason());
        assertNull(sent.request().getUrgency());
        assertEquals("Absences répétées", sent.request().getContext());
        assertTrue(sent.request().getSubmit());
        assertFalse(ReferralRequests.create(form("submit", "false")).request().getSubmit());
        assertTrue(ReferralRequests.create(form("caseId", "not-an-id")).problem().hasField("caseId"));
    }
}
