package fr.passerelle.referral.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.passerelle.testing.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Cases written before the name keys existed: V3 fills their keys with the service's own rule and cleans their
 * names; of open cases that the rule reveals as one pupil, all are kept and the younger ones marked for review.
 */
class NameKeyMigrationTest {

    private TestDatabases.Created db;

    @BeforeEach
    void databaseAtV2() {
        db = TestDatabases.create("referral_keys");
        flyway("2").migrate();
    }

    @AfterEach
    void drop() {
        TestDatabases.drop(db);
    }

    @Test
    void existingCasesGetCleanNamesAndKeysAndTheRuleHoldsAfterwards() throws SQLException {
        UUID zoe = insertCase("OPEN", "Zoe\u0301 ", "\u200BDurand", "0690001A");
        UUID ines = insertCase("CLOSED", "IN\u00C8S", "Ha\u00EFdar", null);
        UUID erased = insertCase("CLOSED", null, null, null);
        flyway(null).migrate();

        assertEquals(List.of("Zo\u00E9", "Durand", "zoe", "durand"), row(zoe));
        assertEquals(List.of("IN\u00C8S", "Ha\u00EFdar", "ines", "haidar"), row(ines));
        assertEquals(java.util.Arrays.asList(null, null, null, null), row(erased));
        // The unique index now sees one pupil whatever the spelling.
        SQLException duplicate = assertThrows(SQLException.class, () -> insertCase("OPEN", "ZOE", "durand", "0690001A", "zoe", "durand"));
        assertEquals("23505", duplicate.getSQLState());
    }

    @Test
    void openCasesThatTheRuleMakesOnePupilAreKeptAndTheYoungerOnesMarkedForReview() throws SQLException {
        UUID first = insertCase("OPEN", "Zo\u00E9", "Durand", "0690001A");
        UUID second = insertCase("OPEN", "Zoe\u0301", "DURAND", "0690001A");
        UUID other = insertCase("OPEN", "Lina", "Martin", "0690001A");
        flyway(null).migrate();
        assertEquals(List.of(false, true, false), List.of(review(first), review(second), review(other)));
        // The oldest stays under the rule: a new spelling of the same pupil is still refused.
        SQLException duplicate = assertThrows(SQLException.class, () -> insertCase("OPEN", "ZOE", "durand", "0690001A", "zoe", "durand"));
        assertEquals("23505", duplicate.getSQLState());
    }

    @Test
    void v13RefoldsTheKeysTheOnePassRuleLeftUnfoldedAndMarksTheCasesThatMeetAnother() throws SQLException {
        flyway("11").migrate();
        // Keys as the one-pass rule stored them: "\u33B7" (square mV) left an upper-case V, "\u02D8" (breve) a space.
        UUID squared = insertCase("OPEN", "\u33B7ilo", "Durand", "0690001A", "mVilo", "durand");
        UUID mvilo = insertCase("OPEN", "Mvilo", "Durand", "0690001A", "mvilo", "durand");
        UUID breve = insertCase("CLOSED", "Lina\u02D8", "Martin", null, "lina ", "martin");
        UUID plain = insertCase("OPEN", "In\u00E8s", "Haidar", "0690001A", "ines", "haidar");
        flyway(null).migrate();
        assertEquals(List.of("\u33B7ilo", "Durand", "mvilo", "durand"), row(squared));
        assertEquals(List.of("Lina\u02D8", "Martin", "lina", "martin"), row(breve));
        assertEquals(List.of("In\u00E8s", "Haidar", "ines", "haidar"), row(plain));
        // Both kept open; the one whose key changed is the one marked for review.
        assertEquals(List.of(true, false, false), List.of(review(squared), review(mvilo), review(plain)));
    }

    private boolean review(UUID id) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.url());
             PreparedStatement ps = c.prepareStatement("select identity_review from pupil_case where id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private Flyway flyway(String target) {
        var config = Flyway.configure().dataSource(db.url(), null, null).locations("classpath:db/migration");
        if (target != null) {
            config.target(target);
        }
        return config.load();
    }

    private UUID insertCase(String status, String first, String last, String uai) throws SQLException {
        return insertCase(status, first, last, uai, null, null);
    }

    private UUID insertCase(String status, String first, String last, String uai, String firstKey, String lastKey)
            throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection c = DriverManager.getConnection(db.url());
             PreparedStatement ps = c.prepareStatement("insert into pupil_case (id, version, status, first_name, last_name,"
                     + " first_name_key, last_name_key, birth_date, school_uai, created_by, created_at, updated_at)"
                     + " values (?, 0, ?, ?, ?, ?, ?, ?, ?, 'test', ?, ?)")) {
            OffsetDateTime now = OffsetDateTime.now();
            ps.setObject(1, id);
            ps.setString(2, status);
            ps.setString(3, first);
            ps.setString(4, last);
            ps.setString(5, firstKey);
            ps.setString(6, lastKey);
            ps.setObject(7, LocalDate.of(2010, 3, 14));
            ps.setString(8, uai);
            ps.setObject(9, now);
            ps.setObject(10, now);
            ps.executeUpdate();
        }
        return id;
    }

    private List<String> row(UUID id) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.url());
             PreparedStatement ps = c.prepareStatement(
                     "select first_name, last_name, first_name_key, last_name_key from pupil_case where id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= 4; i++) {
                    values.add(rs.getString(i));
                }
                return values;
            }
        }
    }
}
