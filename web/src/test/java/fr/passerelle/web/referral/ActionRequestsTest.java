package fr.passerelle.web.referral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.client.model.AcceptRequest;
import fr.passerelle.client.model.AssignRequest;
import fr.passerelle.client.model.CancelReason;
import fr.passerelle.client.model.CancelRequest;
import fr.passerelle.client.model.CompleteRequest;
import fr.passerelle.client.model.DeclineReason;
import fr.passerelle.client.model.DeclineRequest;
import fr.passerelle.client.model.FollowUpCreateRequest;
import fr.passerelle.client.model.FollowUpKind;
import fr.passerelle.client.model.Outcome;
import fr.passerelle.client.model.RedirectRequest;
import fr.passerelle.client.model.StartRequest;
import fr.passerelle.client.model.Urgency;
import fr.passerelle.client.model.Visibility;
import fr.passerelle.client.model.WaitlistRequest;
import fr.passerelle.web.client.ApiProblem;
import fr.passerelle.web.view.Form;
import jakarta.ws.rs.core.MultivaluedHashMap;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ActionRequestsTest {

    private static Form posted(String... pairs) {
        MultivaluedHashMap<String, String> map = new MultivaluedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.add(pairs[i], pairs[i + 1]);
        }
        return Form.of(map);
    }

    @Test
    void acceptCarriesTheCommissionDateAndComment() throws Exception {
        AcceptRequest r = ActionRequests.accept(posted("accept.commissionDate", "2026-11-27", "accept.comment", " Oui ",
                "waitlist.comment", "not this form's"));
        assertEquals(LocalDate.of(2026, 11, 27), r.getCommissionDate());
        assertEquals("Oui", r.getComment());
    }

    @Test
    void blankOptionalFieldsAreNotSent() throws Exception {
        AcceptRequest r = ActionRequests.accept(posted("accept.commissionDate", "", "accept.comment", "  "));
        assertNull(r.getCommissionDate());
        assertNull(r.getComment());
        WaitlistRequest w = ActionRequests.waitlist(posted());
        assertNull(w.getCommissionDate());
        assertNull(w.getComment());
    }

    @Test
    void declineTakesItsReasonFromTheList() throws Exception {
        DeclineRequest r = ActionRequests.decline(posted("decline.reason", "NO_PLACE", "decline.comment", "Complet"));
        assertEquals(DeclineReason.fromValue("NO_PLACE"), r.getReason());
        assertEquals("Complet", r.getComment());
        // A code this page does not know is still sent, for the API to refuse next to the field.
        assertEquals(DeclineReason.UNKNOWN_DEFAULT_OPEN_API,
                ActionRequests.decline(posted("decline.reason", "NOPE")).getReason());
        assertNull(ActionRequests.decline(posted()).getReason());
    }

    @Test
    void startAndComplete() throws Exception {
        StartRequest s = ActionRequests.start(posted("start.startDate", "2026-11-30"));
        assertEquals(LocalDate.of(2026, 11, 30), s.getStartDate());
        CompleteRequest c = ActionRequests.complete(posted("complete.outcome", "RETURN_TO_SCHOOL",
                "complete.outcomeDate", "2026-12-01", "complete.comment", "Retour au lycée"));
        assertEquals(Outcome.RETURN_TO_SCHOOL, c.getOutcome());
        assertEquals(LocalDate.of(2026, 12, 1), c.getOutcomeDate());
        assertEquals("Retour au lycée", c.getComment());
    }

    @Test
    void cancelReasonIsOptionalHere() throws Exception {
        CancelRequest empty = ActionRequests.cancel(posted());
        assertNull(empty.getReason());
        CancelRequest r = ActionRequests.cancel(posted("cancel.reason", "YOUNG_PERSON_REFUSED"));
        assertEquals(CancelReason.fromValue("YOUNG_PERSON_REFUSED"), r.getReason());
    }

    @Test
    void redirectToAProgramme() throws Exception {
        UUID programme = UUID.randomUUID();
        RedirectRequest r = ActionRequests.redirect(posted("redirect.programmeId", programme.toString(),
                "redirect.urgency", "HIGH", "redirect.context", "", "redirect.eligibilityOverrideReason", "Avis du CIO"));
        assertEquals(programme, r.getProgrammeId());
        assertEquals(Urgency.HIGH, r.getUrgency());
        assertNull(r.getContext());
        assertEquals("Avis du CIO", r.getEligibilityOverrideReason());
    }

    @Test
    void followUp() throws Exception {
        FollowUpCreateRequest r = ActionRequests.followUp(posted("followUp.kind", "MEETING", "followUp.entryDate",
                "2026-11-30", "followUp.text", "Entretien", "followUp.visibility", "ALL_PARTIES"));
        assertEquals(FollowUpKind.MEETING, r.getKind());
        assertEquals(LocalDate.of(2026, 11, 30), r.getEntryDate());
        assertEquals("Entretien", r.getText());
        assertEquals(Visibility.ALL_PARTIES, r.getVisibility());
    }

    @Test
    void assignToMeToNobodyOrToAColleague() throws Exception {
        AssignRequest me = ActionRequests.assign(posted("assign.mode", "moi", "assign.assigneeId", "ignored"), "sub-1");
        assertEquals("sub-1", me.getAssigneeId());
        AssignRequest nobody = ActionRequests.assign(posted("assign.mode", "personne"), "sub-1");
        assertNull(nobody.getAssigneeId());
        AssignRequest colleague = ActionRequests.assign(posted("assign.mode", "collegue", "assign.assigneeId", " sub-2 "),
                "sub-1");
        assertEquals("sub-2", colleague.getAssigneeId());
        ActionRequests.Invalid missing = assertThrows(ActionRequests.Invalid.class,
                () -> ActionRequests.assign(posted("assign.mode", "collegue"), "sub-1"));
        assertTrue(missing.problem().hasField("assign.assigneeId"));
    }

    @Test
    void unreadableValuesAreRefusedNextToTheirField() {
        ActionRequests.Invalid date = assertThrows(ActionRequests.Invalid.class,
                () -> ActionRequests.start(posted("start.startDate", "31/12/2026")));
        assertEquals(422, date.problem().status());
        assertTrue(date.problem().hasField("start.startDate"));
        ActionRequests.Invalid id = assertThrows(ActionRequests.Invalid.class,
                () -> ActionRequests.redirect(posted("redirect.programmeId", "not-a-uuid")));
        assertTrue(id.problem().hasField("redirect.programmeId"));
    }

    @Test
    void theApiViolationsLandInTheFormThatWasPosted() {
        ApiProblem api = new ApiProblem(422, "Invalid request", null, "req-1",
                Map.of("commissionDate", "Ce champ est obligatoire.", "body.comment", "Trop long."), List.of(), null,
                List.of(), null);
        ApiProblem scoped = ActionRequests.scoped(api, ReferralAction.ACCEPT);
        assertEquals("Ce champ est obligatoire.", scoped.field("accept.commissionDate"));
        assertEquals("Trop long.", scoped.field("accept.comment"));
        assertEquals("req-1", scoped.requestId());
        assertEquals(422, scoped.status());
    }
}
