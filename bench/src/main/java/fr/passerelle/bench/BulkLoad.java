package fr.passerelle.bench;

import java.io.Reader;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** What both synthetic-data loaders need: CSV rows for COPY, a count, and the clean-up after a bulk load. */
final class BulkLoad {

    private BulkLoad() {
    }

    static void csv(StringBuilder out, String[] fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            String v = fields[i];
            if (v == null) {
                continue; // unquoted empty: NULL
            }
            if (v.isEmpty() || v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0) {
                out.append('"').append(v.replace("\"", "\"\"")).append('"');
            } else {
                out.append(v);
            }
        }
        out.append('\n');
    }

    static Reader reader(StringBuilder sb) {
        return new StringReader(sb.toString());
    }

    /**
     * After a bulk load: statistics and visibility map up to date, dirty pages written, so the figures that follow
     * are not paying for autovacuum or a checkpoint the load caused.
     */
    static void settle(Connection c, String... tables) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(true);
        try (Statement st = c.createStatement()) {
            for (String t : tables) {
                st.execute("vacuum (analyze) " + t);
            }
            try {
                st.execute("checkpoint");
            } catch (SQLException notSuperuser) {
                // only a superuser may; the figures then share the disk with the next checkpoint
            }
        } finally {
            c.setAutoCommit(auto);
        }
    }

    static long count(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
