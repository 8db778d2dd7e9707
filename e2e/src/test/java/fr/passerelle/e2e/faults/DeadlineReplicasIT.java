package fr.passerelle.e2e.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.e2e.support.Api;
import fr.passerelle.e2e.support.E2e;
import fr.passerelle.e2e.support.Keycloak;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The deadline job on two referral-service replicas sharing one database (the private {@link Cell}, both running the
 * job every second): every overdue referral is announced by exactly one {@code referral.overdue} outbox row, however
 * many passes the two replicas make. The services' clocks cannot be moved in production, so the referrals' dates are
 * moved back instead, as if they had been filed a month ago.
 */
@E2e
@Order(9)
class DeadlineReplicasIT extends FaultTest {

    private static final int REFERRALS = 6;

    @Test
    void twoReplicasOnOneDatabaseAnnounceEachOverdueReferralExactlyOnce() throws Exception {
        assertTrue(cell.referral.ready() && cell.replica.ready(), "both replicas are up");
        String referent = Keycloak.freshToken("referent1");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < REFERRALS; i++) {
            Http.Answer created = Http.post(cell.api("/api/v1/cases"), referent, Pupils.key(Pupils.newKey()), Pupils.pupil("dl", i));
            Expect.status(201, created, "case creation");
            Http.Answer filed = Http.post(cell.api("/api/v1/referrals"), referent, Pupils.key(Pupils.newKey()),
                    Pupils.referral(created.id(), Api.FIL_D_ARIANE));
            Expect.status(201, filed, "referral creation");
            assertTrue(filed.json().hasNonNull("dueAt"), "a submitted referral has a deadline: " + filed);
            ids.add(filed.id());
        }
        String inList = "(" + String.join(",", ids.stream().map(id -> "'" + id + "'::uuid").toList()) + ")";
        assertEquals(0, count("select count(*) from outbox_event where type = 'referral.overdue' and referral_id in " + inList));

        // A month back: past the 5 working days of receipt.
        try (Connection db = cell.postgres.connect(Cell.REFERRAL_DB);
             PreparedStatement ps = db.prepareStatement("update referral set submitted_at = submitted_at - interval '30 days',"
                     + " created_at = created_at - interval '30 days', due_at = due_at - interval '30 days' where id in " + inList)) {
            assertEquals(REFERRALS, ps.executeUpdate());
        }

        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(90);
        while (count("select count(*) from outbox_event where type = 'referral.overdue' and referral_id in " + inList) < REFERRALS) {
            assertTrue(System.nanoTime() < deadline, "every overdue referral announced within 90 s");
            Thread.sleep(250);
        }
        long announcedAfter = System.nanoTime() - start;
        // Both replicas go on passing every second: nothing more may be announced.
        Thread.sleep(5_000);
        for (String id : ids) {
            assertEquals(1, count("select count(*) from outbox_event where type = 'referral.overdue' and referral_id = ?::uuid", id),
                    "one referral.overdue for " + id);
            assertEquals(1, count("select count(*) from case_event where type = 'REFERRAL_OVERDUE' and referral_id = ?::uuid", id),
                    "one timeline event for " + id);
        }
        Http.Answer overdue = Http.get(cell.api("/api/v1/referrals?overdue=true&size=100"), referent);
        Expect.status(200, overdue, "the inbox's overdue filter");
        List<String> listed = new ArrayList<>();
        overdue.json().path("items").forEach(item -> listed.add(item.path("id").asText()));
        assertTrue(listed.containsAll(ids), "the inbox lists them as overdue: " + listed);
        Cell.report(String.format(java.util.Locale.ROOT, "deadline job on two replicas: %d overdue referrals announced once each"
                + " in %s, none again over 5 s of passes by both", REFERRALS, Cell.seconds(announcedAfter)));
    }
}
