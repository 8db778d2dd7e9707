package fr.passerelle.referral.rest;

import static fr.passerelle.referral.support.Api.act;
import static fr.passerelle.referral.support.Api.as;
import static fr.passerelle.referral.support.Api.createReferral;
import static fr.passerelle.referral.support.Api.pupil;
import static fr.passerelle.referral.support.Api.referent;
import static fr.passerelle.referral.support.Api.referral;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.referral.service.RetentionJob;
import fr.passerelle.referral.support.Api;
import fr.passerelle.referral.support.DirectoryStub;
import fr.passerelle.referral.support.ReferralDatabase;
import fr.passerelle.referral.support.TestClock;
import fr.passerelle.referral.support.TestDb;
import fr.passerelle.referral.support.World;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(ReferralDatabase.class)
@QuarkusTestResource(DirectoryStub.class)
class RetentionTest {

    @Inject
    TestClock clock;
    @Inject
    RetentionJob job;

    private final String uai = Api.freshUai();
    private final String referent = referent(uai);

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aCaseClosedLongerThanThePeriodKeepsNoPersonalDataAnywhereAndStatisticsStillAddUp() throws Exception {
        String marker = Api.freshName("Zqmarker");
        List<String> logLines = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                logLines.add(String.valueOf(r.getMessage()) + " " + java.util.Arrays.toString(r.getParameters()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger.getLogger("").addHandler(capture);
        try {
            Map<String, Object> body = new HashMap<>(pupil(uai));
            body.put("firstName", marker);
            body.put("lastName", marker + "Nom");
            body.put("guardians", List.of(Map.of("firstName", marker, "lastName", marker + "Parent", "relationship", "FATHER",
                    "email", marker.toLowerCase() + "@example.org")));
            // Created with an Idempotency-Key: the stored answer holds the names too.
            String caseId = as(referent).header("Idempotency-Key", UUID.randomUUID().toString()).body(body)
                    .post("/api/v1/cases").then().statusCode(201).extract().path("id");

            Map<String, Object> toProgramme = new HashMap<>(referral(caseId, "PROGRAMME", World.PROG_OPEN, true));
            toProgramme.put("context", "Contexte pour " + marker);
            String completed = createReferral(referent, toProgramme).id();
            String partner = Api.partner(World.ORG_RELAIS);
            act(partner, completed, "receive", null).then().statusCode(200);
            act(partner, completed, "accept", Map.of("comment", "Accueil de " + marker)).then().statusCode(200);
            act(partner, completed, "start", Map.of("startDate", LocalDate.now().toString())).then().statusCode(200);
            for (String visibility : List.of("AUTHOR_ORG", "ALL_PARTIES")) {
                as(partner).header("Idempotency-Key", UUID.randomUUID().toString())
                        .body(Map.of("entryDate", LocalDate.now().toString(), "kind", "MEETING", "visibility", visibility,
                                "text", marker + " est venu à l'entretien"))
                        .post("/api/v1/referrals/" + completed + "/follow-ups").then().statusCode(201);
            }
            act(partner, completed, "complete", Map.of("outcome", "QUALIFYING_TRAINING", "comment", marker + " entre en CAP"))
                    .then().statusCode(200);
            Map<String, Object> toPlatform = new HashMap<>(referral(caseId, "PLATFORM", World.P_LYON, true));
            toPlatform.put("context", marker);
            String cancelled = createReferral(referent, toPlatform).id();
            act(referent, cancelled, "cancel", Map.of("reason", "OTHER_SOLUTION_FOUND", "comment", "voir " + marker))
                    .then().statusCode(200);
            String etag = Api.etag(referent, "/api/v1/cases/" + caseId);
            as(referent).header("If-Match", etag).body(Map.of("reason", "SUPPORT_ENDED", "comment", "fin pour " + marker))
                    .post("/api/v1/cases/" + caseId + "/close").then().statusCode(200);

            // A case closed only yesterday (relative to the job's run) and an open case keep their data.
            String keptMarker = Api.freshName("Zqkept");
            Map<String, Object> open = new HashMap<>(pupil(uai));
            open.put("firstName", keptMarker);
            String openCase = Api.createCase(referent, open).id();

            assertTrue(places(marker) > 5, "the marker is stored in several places before the job");
            String statsBefore = stats();
            String programmeStatsBefore = stats("?programmeId=" + World.PROG_OPEN);

            clock.advance(Duration.ofDays(366));
            RetentionJob.Report report = job.run();
            assertTrue(report.anonymisedCases() >= 1, report.toString());

            assertEquals(List.of(), wherever(marker), "the marker is in no table");
            assertEquals(statsBefore, stats(), "statistics unchanged");
            assertEquals(programmeStatsBefore, stats("?programmeId=" + World.PROG_OPEN));
            as(referent).get("/api/v1/cases/" + caseId).then().statusCode(200)
                    .body("anonymised", equalTo(true)).body("firstName", nullValue()).body("status", equalTo("CLOSED"));
            as(referent).get("/api/v1/referrals/" + completed).then().statusCode(200)
                    .body("status", equalTo("COMPLETED")).body("outcome", equalTo("QUALIFYING_TRAINING"))
                    .body("context", nullValue()).body("pupil", nullValue());
            as(referent).get("/api/v1/cases/" + openCase).then().body("firstName", equalTo(keptMarker));
            assertEquals(0, job.run().anonymisedCases(), "nothing left to do");
            assertEquals(1, TestDb.count("select count(*) from audit_event where operation = 'RETENTION_ANONYMISE' and case_id = ?::uuid",
                    caseId));
        } finally {
            Logger.getLogger("").removeHandler(capture);
        }
        assertTrue(logLines.stream().noneMatch(l -> l.contains(marker)), "no personal data in logs: " + logLines);
    }

    private String stats() {
        return stats("");
    }

    private String stats(String query) {
        JsonPath json = as(Api.coordinator(World.P_LYON)).get("/api/v1/stats" + query).then().statusCode(200).extract().jsonPath();
        Map<String, Object> all = new HashMap<>(json.getMap("$"));
        all.remove("generatedAt");
        return all.toString();
    }

    private static long places(String marker) {
        return wherever(marker).size();
    }

    /** Every text, varchar and jsonb column of every table holding the marker, as table.column. */
    private static List<String> wherever(String marker) {
        List<String> found = new ArrayList<>();
        try (Connection c = TestDb.connect()) {
            List<String[]> columns = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select table_name, column_name from information_schema.columns"
                    + " where table_schema = 'public' and data_type in ('text', 'character varying', 'character', 'jsonb', 'json')");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
            assertTrue(columns.size() > 30, "scanned " + columns.size() + " columns");
            for (String[] col : columns) {
                try (PreparedStatement ps = c.prepareStatement("select count(*) from \"" + col[0] + "\" where cast(\"" + col[1]
                        + "\" as text) ilike ?")) {
                    ps.setString(1, "%" + marker + "%");
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        long n = rs.getLong(1);
                        for (long i = 0; i < n; i++) {
                            found.add(col[0] + "." + col[1]);
                        }
                    }
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return found;
    }
}
