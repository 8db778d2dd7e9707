package db.migration;

import fr.passerelle.referral.domain.PersonName;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.jboss.logging.Logger;

/**
 * Fills the name keys of existing cases with {@link PersonName}, the rule the service applies (a SQL copy of it
 * would drift), and stores the cleaned names. Open cases that the new rule reveals as one young person are all kept
 * (nothing is merged or closed behind their owners' backs): the oldest of each group stays under the duplicate rule,
 * the others are marked {@code identity_review} and left out of V4's unique index, and their ids (never names) are
 * logged so that someone closes or corrects them. The service still starts: an upgrade is not held up by old data.
 */
public class V3__backfill_case_name_keys extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        var db = context.getConnection();
        try (Statement ddl = db.createStatement()) {
            ddl.execute("alter table pupil_case add column identity_review boolean not null default false");
        }
        try (Statement select = db.createStatement();
             PreparedStatement update = db.prepareStatement(
                     "update pupil_case set first_name = ?, last_name = ?, first_name_key = ?, last_name_key = ? where id = ?");
             ResultSet rows = select.executeQuery("select id, first_name, last_name from pupil_case where first_name is not null")) {
            int pending = 0;
            while (rows.next()) {
                String first = PersonName.clean(rows.getString(2));
                String last = PersonName.clean(rows.getString(3));
                update.setString(1, first);
                update.setString(2, last);
                update.setString(3, PersonName.key(first));
                update.setString(4, PersonName.key(last));
                update.setObject(5, rows.getObject(1));
                update.addBatch();
                if (++pending == 500) {
                    update.executeBatch();
                    pending = 0;
                }
            }
            update.executeBatch();
        }
        List<String> clashes = new ArrayList<>();
        try (Statement check = db.createStatement();
             ResultSet rows = check.executeQuery("select string_agg(id::text, ',' order by created_at) from pupil_case"
                     + " where status = 'OPEN' and first_name_key is not null"
                     + " group by first_name_key, last_name_key, birth_date, coalesce(school_uai, '') having count(*) > 1")) {
            while (rows.next()) {
                clashes.add("[" + rows.getString(1) + "]");
            }
        }
        if (!clashes.isEmpty()) {
            try (PreparedStatement mark = db.prepareStatement("update pupil_case set identity_review = true where id = ?::uuid")) {
                for (String group : clashes) {
                    String[] ids = group.substring(1, group.length() - 1).split(",");
                    for (int i = 1; i < ids.length; i++) {
                        mark.setString(1, ids[i]);
                        mark.addBatch();
                    }
                }
                mark.executeBatch();
            }
            Logger.getLogger(V3__backfill_case_name_keys.class).warnf("Open cases that are one young person once names are"
                    + " normalised, oldest first (the others are marked identity_review; close or correct them): %s",
                    String.join(" ", clashes));
        }
    }
}
