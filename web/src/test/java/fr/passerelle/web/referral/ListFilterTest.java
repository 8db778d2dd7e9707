package fr.passerelle.web.referral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.client.model.LifecycleAction;
import fr.passerelle.client.model.ReferralStatus;
import fr.passerelle.client.model.ReferralView;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ListFilterTest {

    @Test
    void frenchParametersBecomeTheApisOnes() {
        ListFilter f = ListFilter.of("RECEIVED", "oui", "moi", null, "3");
        assertEquals(ReferralStatus.RECEIVED, f.status());
        assertEquals(Boolean.TRUE, f.overdueParameter());
        assertEquals("me", f.assignee());
        assertEquals(3, f.page());
        assertEquals("?statut=RECEIVED&enRetard=oui&attribuees=moi&page=4", f.query(f.nextPage()));
        assertEquals("?statut=RECEIVED&enRetard=oui&attribuees=moi", f.query(1));
    }

    @Test
    void unknownOrMissingValuesMeanNoFilter() {
        ListFilter f = ListFilter.of("NOPE", "non", "", null, "abc");
        assertNull(f.status());
        assertNull(f.overdueParameter());
        assertNull(f.assignee());
        assertEquals(1, f.page());
        assertEquals(1, f.previousPage());
        assertFalse(f.isFiltered());
        assertEquals("", f.query(1));
        assertEquals(1, ListFilter.of(null, null, null, null, "-4").page());
    }

    @Test
    void actionNeededMeansAForwardActionOnAnOpenReferral() {
        assertTrue(ListFilter.needsAction(view(ReferralStatus.SUBMITTED, LifecycleAction.RECEIVE, LifecycleAction.CANCEL)));
        assertFalse(ListFilter.needsAction(view(ReferralStatus.SUBMITTED, LifecycleAction.CANCEL)));
        assertFalse(ListFilter.needsAction(view(ReferralStatus.IN_PROGRESS)));
        assertFalse(ListFilter.needsAction(view(ReferralStatus.COMPLETED, LifecycleAction.COMPLETE)));
        assertTrue(ListFilter.of(null, null, null, "oui", null).actionNeeded());
    }

    private static ReferralView view(ReferralStatus status, LifecycleAction... allowed) {
        return new ReferralView().status(status).allowedActions(new java.util.LinkedHashSet<>(Set.of(allowed)));
    }
}
