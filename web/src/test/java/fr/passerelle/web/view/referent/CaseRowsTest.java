package fr.passerelle.web.view.referent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.passerelle.client.model.CaseReferralSummary;
import fr.passerelle.client.model.CaseStatus;
import fr.passerelle.client.model.CaseView;
import fr.passerelle.client.model.ReferralStatus;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaseRowsTest {

    @Test
    void aRowCountsOpenReferralsAndShowsTheLatestStatus() {
        OffsetDateTime t = OffsetDateTime.parse("2026-11-20T10:00:00Z");
        CaseView c = new CaseView().referrals(List.of(
                new CaseReferralSummary().status(ReferralStatus.DECLINED).updatedAt(t),
                new CaseReferralSummary().status(ReferralStatus.SUBMITTED).updatedAt(t.plusDays(2)),
                new CaseReferralSummary().status(ReferralStatus.DRAFT).updatedAt(t.plusDays(1))));
        var row = CaseRows.row(c);
        assertEquals(2, row.openReferrals());
        assertEquals(ReferralStatus.SUBMITTED, row.lastStatus());
    }

    @Test
    void theListAddressEncodesTheSearch() {
        assertEquals("/dossiers?page=2&statut=OPEN&q=L%C3%A9a+%26+co", CaseRows.listHref(CaseStatus.OPEN, "Léa & co", 2));
        assertEquals("/dossiers?page=0", CaseRows.listHref(null, " ", 0));
    }

    @Test
    void eventLabelsLeaveReferralStatusChangesToTheApiList() {
        assertEquals("Dossier créé", CaseLabels.event("CASE_CREATED"));
        assertEquals(null, CaseLabels.event("REFERRAL_ACCEPTED"));
        assertEquals("Clos", CaseLabels.caseStatus(CaseStatus.CLOSED));
    }
}
