package fr.passerelle.referral.rest;

import static fr.passerelle.referral.support.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.passerelle.referral.service.WebhookWorker;
import fr.passerelle.referral.support.Api;
import fr.passerelle.referral.support.DirectoryStub;
import fr.passerelle.referral.support.ReferralDatabase;
import fr.passerelle.referral.support.TestDb;
import fr.passerelle.referral.support.WebhookReceiver;
import fr.passerelle.referral.support.World;
import fr.passerelle.testing.Slow;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Many queued deliveries, several workers claiming at once (as several instances on one database would): each
 * delivery arrives exactly once, each stream in order; the rate is printed for docs/adr (not asserted).
 */
@Slow
@QuarkusTest
@QuarkusTestResource(ReferralDatabase.class)
@QuarkusTestResource(DirectoryStub.class)
class WebhookLoadTest {

    private static final int STREAMS = 100;
    private static final int PER_STREAM = 10;

    @Inject
    WebhookWorker worker;

    @Test
    void competingWorkersDeliverEachEventOnceAndEachStreamInOrder() throws Exception {
        String partner = Api.partner(World.ORG_E2C);
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String subscription = as(partner).body(Map.of("url", receiver.url(), "events", List.of("case.training_obligation_alert")))
                    .post("/api/v1/webhooks").then().statusCode(201).extract().path("id");
            try {
                // Queued directly, as the fan-out would (interleaved across streams, each stream numbered in order).
                List<UUID> streams = new ArrayList<>();
                for (int s = 0; s < STREAMS; s++) {
                    streams.add(UUID.randomUUID());
                }
                StringBuilder sql = new StringBuilder("insert into webhook_delivery (id, subscription_id, event_id, event_type,"
                        + " stream_key, body, status, attempts, created_at, next_attempt_at) values ");
                for (int n = 0; n < PER_STREAM; n++) {
                    for (int s = 0; s < STREAMS; s++) {
                        sql.append(n == 0 && s == 0 ? "" : ",").append("('").append(UUID.randomUUID()).append("','").append(subscription)
                                .append("','").append(UUID.randomUUID()).append("','case.training_obligation_alert','")
                                .append(streams.get(s)).append("','{\"type\":\"case.training_obligation_alert\",\"data\":{\"caseId\":\"")
                                .append(streams.get(s)).append("\",\"n\":").append(n).append("}}','PENDING',0,now(),now())");
                    }
                }
                long start = System.nanoTime();
                TestDb.execute(sql.toString());
                ExecutorService rivals = Executors.newFixedThreadPool(3);
                List<Future<Integer>> runs = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    runs.add(rivals.submit(worker::work));
                }
                receiver.await(STREAMS * PER_STREAM, r -> true, Duration.ofSeconds(120));
                double seconds = (System.nanoTime() - start) / 1e9;
                for (Future<Integer> run : runs) {
                    run.get();
                }
                rivals.shutdown();
                System.out.printf("webhook load: %d deliveries (%d streams) in %.2f s = %.0f deliveries/s%n", STREAMS * PER_STREAM,
                        STREAMS, seconds, STREAMS * PER_STREAM / seconds);
                System.out.println("webhook load: attempt duration ms avg/p50/max = " + TestDb.strings("select round(avg(duration_ms))"
                        + " || '/' || percentile_cont(0.5) within group (order by duration_ms) || '/' || max(duration_ms)"
                        + " from webhook_attempt a join webhook_delivery d on d.id = a.delivery_id where d.subscription_id = ?::uuid",
                        UUID.fromString(subscription)));

                Map<String, List<Integer>> byStream = new HashMap<>();
                for (WebhookReceiver.Received r : receiver.received()) {
                    JsonPath body = JsonPath.from(r.text());
                    byStream.computeIfAbsent(body.getString("data.caseId"), k -> new ArrayList<>()).add(body.getInt("data.n"));
                }
                List<Integer> expected = new ArrayList<>();
                for (int n = 0; n < PER_STREAM; n++) {
                    expected.add(n);
                }
                List<String> problems = new ArrayList<>();
                for (UUID s : streams) {
                    List<Integer> got = byStream.getOrDefault(s.toString(), List.of());
                    if (!got.equals(expected)) {
                        problems.add(s + ": " + got);
                    }
                }
                assertEquals(List.of(), problems);
                assertEquals(STREAMS * PER_STREAM, receiver.received().size());
                assertEquals((long) STREAMS * PER_STREAM, TestDb.count("select count(*) from webhook_delivery where subscription_id = ?::uuid"
                        + " and status = 'DELIVERED' and attempts = 1", UUID.fromString(subscription)));
            } finally {
                as(partner).delete("/api/v1/webhooks/" + subscription);
            }
        }
    }
}
