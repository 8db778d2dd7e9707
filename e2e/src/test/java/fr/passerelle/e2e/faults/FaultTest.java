package fr.passerelle.e2e.faults;

import fr.passerelle.testing.Slow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** A fault test class: it breaks a part of the private {@link Cell}, and puts it back after its tests, whatever happened. */
@Slow
@ExtendWith(CellExtension.class)
abstract class FaultTest {

    static Cell cell;

    @BeforeAll
    static void privateStack(Cell privateStack) {
        cell = privateStack;
    }

    @AfterAll
    static void putBack() {
        if (cell != null) {
            cell.restore();
        }
    }

    /**
     * Repeats the request until it answers the expected status (bounded); meanwhile each answer must be a problem+json
     * 502/503 (503 with Retry-After): recovery never shows a 500.
     */
    static Http.Answer until(Supplier<Http.Answer> request, int expected, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<String> seen = new ArrayList<>();
        while (true) {
            Http.Answer answer = request.get();
            if (answer.status() == expected) {
                return answer;
            }
            if (answer.status() == 503) {
                Expect.unavailable(answer, "while recovering");
            } else {
                Expect.status(502, answer, "while recovering, only 502 or 503 problem+json");
                Expect.problem(answer, "while recovering");
            }
            seen.add(Integer.toString(answer.status()));
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + expected + " within " + seconds + " s; answers: " + seen + ", last: " + answer);
            }
            Thread.sleep(200);
        }
    }

    /** A count on the private referral database. */
    static int count(String sql, String... params) throws SQLException {
        try (Connection db = cell.postgres.connect(Cell.REFERRAL_DB); PreparedStatement ps = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
