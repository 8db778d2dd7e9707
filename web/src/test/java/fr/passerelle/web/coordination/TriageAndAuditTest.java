package fr.passerelle.web.coordination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.client.model.AuditOperation;
import org.junit.jupiter.api.Test;

class TriageAndAuditTest {

    @Test
    void waitingTimeInFrench() {
        assertEquals("depuis moins d'une heure", Waiting.since(0L));
        assertEquals("depuis 1 heure", Waiting.since(1L));
        assertEquals("depuis 5 heures", Waiting.since(5L));
        assertEquals("depuis 1 jour", Waiting.since(30L));
        assertEquals("depuis 3 jours", Waiting.since(72L));
        assertEquals("", Waiting.since(null));
    }

    @Test
    void triageFiltersReadAndUnknownValuesDropped() {
        TriageQuery q = TriageQuery.of("RECEIVED", "HIGH", "oui", "moi", null);
        assertEquals("RECEIVED", q.status());
        assertEquals("HIGH", q.urgency());
        assertTrue(q.overdueOnly());
        assertEquals("me", q.assignee());
        assertEquals("/triage?statut=RECEIVED&urgence=HIGH&enRetard=oui&attribution=moi&curseur=a%2Bb", q.next("a+b"));
        assertEquals("/triage?urgence=HIGH&enRetard=oui&attribution=moi", q.withStatus(null));

        TriageQuery bad = TriageQuery.of("ACCEPTED", "URGENT", "non", "lui", "");
        assertNull(bad.status());
        assertNull(bad.urgency());
        assertFalse(bad.overdueOnly());
        assertNull(bad.assignee());
        assertFalse(bad.isFiltered());
        assertEquals("none", TriageQuery.of(null, null, null, "aucune", null).assignee());
    }

    @Test
    void everyAuditOperationHasAFrenchLabel() {
        for (AuditOperation op : AuditOperation.values()) {
            if (op.name().startsWith("UNKNOWN_DEFAULT")) continue;
            String label = AuditOperations.label(op.getValue());
            assertFalse(label.equals(op.getValue()), "no French label for " + op);
        }
        assertEquals("NEW_THING", AuditOperations.label("NEW_THING"));
        assertEquals("Suivi de l'accompagnement", AuditOperations.purpose("SUPPORT_FOLLOW_UP"));
        assertEquals("Coordination PSAD", AuditOperations.role("coordinator"));
    }

    @Test
    void auditFiltersChecked() {
        AuditQuery q = AuditQuery.of("not-a-uuid", " sub ", "CASE_READ", "2026-11-01", "hier", "2");
        assertTrue(q.errors().containsKey("caseId"));
        assertTrue(q.errors().containsKey("to"));
        assertEquals("sub", q.subject());
        assertEquals(2, q.page());
        assertEquals("/audit?caseId=not-a-uuid&subject=sub&operation=CASE_READ&from=2026-11-01&to=hier&page=3", q.pageLink(3));
        assertTrue(AuditQuery.of(null, null, "NOPE", null, null, null).errors().containsKey("operation"));
        assertEquals("/audit", AuditQuery.of(null, null, null, null, null, null).pageLink(0));
    }
}
