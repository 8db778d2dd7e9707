package db.migration;

import fr.passerelle.referral.domain.PersonName;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.jboss.logging.Logger;

/**
 * {@link PersonName#key} now folds until nothing changes (a compatibility character could leave an upper-case letter
 * or a stray space in a key). Every French name keeps its key; the few stored keys that change are rewritten with the
 * service's own rule. As in V3, an open case that the new key reveals as another open case of the same young person is
 * kept and marked {@code identity_review} (out of the unique index) and its id, never a name, is logged.
 */
public class V13__refold_case_name_keys extends BaseJavaMigration {

    private record Rekey(Object id, String firstKey, String lastKey) {
    }

    @Override
    public void migrate(Context context) throws Exception {
        var db = context.getConnection();
        List<Rekey> changed = new ArrayList<>();
        try (Statement select = db.createStatement();
             ResultSet rows = select.executeQuery("select id, first_name, last_name, first_name_key, last_name_key from pupil_case"
                     + " where first_name is not null")) {
            while (rows.next()) {
                String first = PersonName.key(rows.getString(2));
                String last = PersonName.key(rows.getString(3));
                if (!Objects.equals(first, rows.getString(4)) || !Objects.equals(last, rows.getString(5))) {
                    changed.add(new Rekey(rows.getObject(1), first, last));
                }
            }
        }
        List<String> review = new ArrayList<>();
        try (PreparedStatement clash = db.prepareStatement("select count(*) from pupil_case o, pupil_case c where c.id = ?"
                + " and o.id <> c.id and c.status = 'OPEN' and o.status = 'OPEN' and not o.identity_review"
                + " and o.first_name_key = ? and o.last_name_key = ? and o.birth_date = c.birth_date"
                + " and coalesce(o.school_uai, '') = coalesce(c.school_uai, '')");
             PreparedStatement mark = db.prepareStatement("update pupil_case set identity_review = true where id = ?");
             PreparedStatement update = db.prepareStatement(
                     "update pupil_case set first_name_key = ?, last_name_key = ? where id = ?")) {
            for (Rekey r : changed) {
                clash.setObject(1, r.id());
                clash.setString(2, r.firstKey());
                clash.setString(3, r.lastKey());
                try (ResultSet n = clash.executeQuery()) {
                    n.next();
                    if (n.getLong(1) > 0) {
                        mark.setObject(1, r.id());
                        mark.executeUpdate();
                        review.add(String.valueOf(r.id()));
                    }
                }
                update.setString(1, r.firstKey());
                update.setString(2, r.lastKey());
                update.setObject(3, r.id());
                update.executeUpdate();
            }
        }
        if (!review.isEmpty()) {
            Logger.getLogger(V13__refold_case_name_keys.class).warnf("Open cases that are one young person once their name"
                    + " keys are refolded (marked identity_review; close or correct them): %s", String.join(" ", review));
        }
    }
}
