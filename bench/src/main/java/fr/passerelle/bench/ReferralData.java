package fr.passerelle.bench;

import fr.passerelle.referral.domain.PersonName;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Fills the referral database with synthetic, obviously fake cases (first name « Fictif », last names
 * « Bench-… », schools with UAI 99xxxxx) and their referrals, in the proportions of a territory in its third
 * year: mostly finished referrals, about a tenth waiting for triage, spread over 50 platforms of which the
 * seeded three (Lyon–Villeurbanne, whose coordinator's queue is the one measured, has a fifth).
 * Rows go in through COPY in batches, so a million referrals load in minutes. Re-running tops up to the total.
 */
public final class ReferralData {

    static final String LOADED_BY = "bench:load";
    static final String SPARE_BY = "bench:spare";
    /** referent1's school: the spare cases the creation benchmark files referrals for belong to it. */
    static final String REFERENT_SCHOOL = "0690047B";
    static final UUID LYON_PLATFORM = UUID.fromString("43c92e43-b7d1-4693-a06d-67f3c4f0699b");

    // Share of each status among generated referrals (percent; sums to 100).
    static final String[] STATUSES = {"DRAFT", "SUBMITTED", "RECEIVED", "WAITLISTED", "ACCEPTED", "IN_PROGRESS", "COMPLETED",
            "DECLINED", "REDIRECTED", "CANCELLED"};
    static final int[] STATUS_SHARE = {2, 5, 3, 2, 4, 14, 45, 12, 3, 10};
    static final String[] URGENCIES = {"CRITICAL", "HIGH", "NORMAL", "LOW"};
    static final int[] URGENCY_SHARE = {5, 25, 60, 10};
    static final String[] REASONS = {"ABSENTEEISM", "DISENGAGEMENT", "ACADEMIC_DIFFICULTY", "BEHAVIOUR", "EXCLUSION", "ORIENTATION",
            "LEFT_SCHOOL", "HEALTH", "FAMILY_SITUATION", "OTHER"};
    static final String[] OUTCOMES = {"RETURN_TO_SCHOOL", "APPRENTICESHIP", "QUALIFYING_TRAINING", "EMPLOYMENT", "CIVIC_SERVICE",
            "OTHER_SUPPORT", "NO_SOLUTION", "LOST_CONTACT", "REFUSED"};
    static final String[] LEVELS = {"QUATRIEME", "TROISIEME", "SECONDE", "PREMIERE", "TERMINALE", "CAP_1", "CAP_2", "NONE"};
    static final String[] SCHOOLING = {"ENROLLED", "AT_RISK", "LEFT_SCHOOL"};
    static final int PLATFORMS = 50;

    /** A target a referral can be filed to: a seeded programme (with its platform) or a synthetic one. */
    record Target(String type, UUID id, String name, UUID organisation, String admissionMode, UUID platform) {
    }

    private final SplittableRandom random;
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final List<UUID> platforms = new ArrayList<>();
    private final List<List<Target>> targetsByPlatform = new ArrayList<>();
    private final int[] platformShare;

    /** {@code seeded}: the directory's programmes attached to a platform (possibly empty: synthetic targets only). */
    ReferralData(long seed, List<Target> seeded, List<UUID> seededPlatforms) {
        random = new SplittableRandom(seed);
        SplittableRandom ids = new SplittableRandom(4242);
        List<UUID> all = new ArrayList<>(seededPlatforms);
        if (!all.contains(LYON_PLATFORM)) {
            all.add(0, LYON_PLATFORM);
        }
        while (all.size() < PLATFORMS) {
            all.add(new UUID(0xbe4c_0000_0000_0000L | all.size(), ids.nextLong()));
        }
        platforms.addAll(all);
        platformShare = new int[PLATFORMS];
        for (int p = 0; p < PLATFORMS; p++) {
            UUID id = platforms.get(p);
            // Lyon–Villeurbanne 20 % (its coordinator's queue is the one measured), the two other seeded platforms
            // 4 % each, the rest evenly (in per mille).
            platformShare[p] = id.equals(LYON_PLATFORM) ? 200 : seededPlatforms.contains(id) ? 40 : 0;
            List<Target> targets = new ArrayList<>();
            for (Target t : seeded) {
                if (id.equals(t.platform())) {
                    targets.add(t);
                }
            }
            if (targets.isEmpty()) {
                for (int k = 0; k < 20; k++) {
                    UUID org = new UUID(0xbe4c_0001_0000_0000L | (p * 100L + k / 4), ids.nextLong());
                    targets.add(new Target("PROGRAMME", new UUID(0xbe4c_0002_0000_0000L | (p * 100L + k), ids.nextLong()),
                            "Dispositif fictif " + p + "-" + k, org, k % 3 == 0 ? "INTERVIEW" : "DIRECT", id));
                }
            }
            targetsByPlatform.add(targets);
        }
        int left = 1000 - java.util.Arrays.stream(platformShare).sum();
        long zeros = java.util.Arrays.stream(platformShare).filter(s -> s == 0).count();
        for (int p = 0; p < PLATFORMS; p++) {
            if (platformShare[p] == 0) {
                platformShare[p] = (int) (left / zeros);
            }
        }
    }

    static int pick(SplittableRandom r, int[] shares) {
        int total = 0;
        for (int s : shares) {
            total += s;
        }
        int x = r.nextInt(total);
        for (int i = 0; i < shares.length; i++) {
            x -= shares[i];
            if (x < 0) {
                return i;
            }
        }
        return shares.length - 1;
    }

    /** Adds referrals (and their cases) until {@code total} generated referrals exist. Returns how many were added. */
    long topUp(Connection c, long total) throws SQLException, IOException {
        long existing = BulkLoad.count(c, "select count(*) from referral where created_by = '" + LOADED_BY + "'");
        long toAdd = total - existing;
        if (toAdd <= 0) {
            return 0;
        }
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        long caseNumber = BulkLoad.count(c, "select count(*) from pupil_case where created_by = '" + LOADED_BY + "'");
        StringBuilder cases = new StringBuilder(1 << 20);
        StringBuilder referrals = new StringBuilder(1 << 21);
        long added = 0;
        int batch = 0;
        while (added < toAdd) {
            int n = (int) Math.min(toAdd - added, random.nextInt(10) < 3 ? 2 : 1);
            added += caseRows(++caseNumber, n, cases, referrals);
            if (++batch == 20_000) {
                flush(copy, cases, referrals);
                batch = 0;
            }
        }
        flush(copy, cases, referrals);
        BulkLoad.settle(c, "pupil_case", "referral");
        return added;
    }

    /** Open cases of referent1's school with no referral: one per referral the creation benchmark files. */
    long spareCases(Connection c, long wanted) throws SQLException, IOException {
        long have = BulkLoad.count(c, "select count(*) from pupil_case p where created_by = '" + SPARE_BY + "'"
                + " and not exists (select 1 from referral r where r.case_id = p.id)");
        long offset = BulkLoad.count(c, "select count(*) from pupil_case where created_by = '" + SPARE_BY + "'");
        StringBuilder cases = new StringBuilder(1 << 20);
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        for (long k = have; k < wanted; k++) {
            long n = offset + k - have + 1;
            Instant created = now.minus(1, ChronoUnit.DAYS);
            row(cases, UUID.randomUUID(), "OPEN", "Fictif", "Bench-Spare-" + n, LocalDate.of(2009, 1 + (int) (n % 12), 1 + (int) (n % 28)),
                    REFERENT_SCHOOL, "SECONDE", "AT_RISK", "69266", "false", null, "GUARDIAN", created.atOffset(ZoneOffset.UTC).toLocalDate(),
                    "REFERRAL_AND_FOLLOW_UP", null, REFERENT_SCHOOL, null, SPARE_BY, created, created, null, null, null);
            if (cases.length() > 1 << 22) {
                copy.copyIn(CASE_COPY, BulkLoad.reader(cases));
                cases.setLength(0);
            }
        }
        if (!cases.isEmpty()) {
            copy.copyIn(CASE_COPY, BulkLoad.reader(cases));
        }
        return Math.max(0, wanted - have);
    }

    /** One case and its referrals (at most one per target); returns how many referrals. */
    private int caseRows(long number, int wanted, StringBuilder cases, StringBuilder referrals) {
        UUID caseId = UUID.randomUUID();
        int platform = pick(random, platformShare);
        UUID platformId = platforms.get(platform);
        List<Target> targets = targetsByPlatform.get(platform);
        int referralCount = Math.min(wanted, targets.size());
        String school = number % 200 == 0 ? REFERENT_SCHOOL : String.format("99%05d%c", number % 3000, (char) ('A' + number % 26));
        Instant created = now.minusSeconds(random.nextLong(2L * 365 * 86_400));
        boolean byPlatform = random.nextInt(10) == 0;
        boolean open = false;
        Instant lastChange = created;
        int first = random.nextInt(targets.size());
        for (int k = 0; k < referralCount; k++) {
            Target t = targets.get((first + k) % targets.size());
            String status = STATUSES[pick(random, STATUS_SHARE)];
            int urgency = pick(random, URGENCY_SHARE);
            Instant rCreated = created.plusSeconds(k * 86_400L * (1 + random.nextInt(60)));
            if (rCreated.isAfter(now)) {
                rCreated = now.minusSeconds(random.nextInt(86_400));
            }
            // Only the first referral of a case may go to the platform itself: one open referral per target.
            boolean toPlatform = k == 0 && random.nextInt(100) < 15;
            Instant updated = referralRow(referrals, caseId, platformId, t, toPlatform, status, urgency, rCreated,
                    byPlatform ? null : school, byPlatform ? platformId : null);
            open |= isOpen(status);
            if (updated.isAfter(lastChange)) {
                lastChange = updated;
            }
        }
        Instant closedAt = open ? null : lastChange.plus(1 + random.nextInt(30), ChronoUnit.DAYS);
        if (closedAt != null && closedAt.isAfter(now)) {
            closedAt = now;
        }
        // Past the retention period, a closed case has lost its identity (the job has run).
        boolean anonymised = closedAt != null && closedAt.isBefore(now.minus(365, ChronoUnit.DAYS));
        LocalDate birth = LocalDate.of(2006 + random.nextInt(6), 1 + random.nextInt(12), 1 + random.nextInt(28));
        Instant updated = closedAt != null ? closedAt : lastChange;
        row(cases, caseId, open ? "OPEN" : "CLOSED", anonymised ? null : "Fictif",
                anonymised ? null : "Bench-" + number, anonymised ? null : birth, school, LEVELS[random.nextInt(LEVELS.length)],
                SCHOOLING[random.nextInt(SCHOOLING.length)], anonymised ? null : "69266", "false", null, "GUARDIAN",
                created.atOffset(ZoneOffset.UTC).toLocalDate(), "REFERRAL_AND_FOLLOW_UP", null, byPlatform ? null : school,
                byPlatform ? platformId : null, LOADED_BY, created, updated, closedAt, closedAt == null ? null : "SUPPORT_ENDED",
                anonymised ? updated.plus(1, ChronoUnit.DAYS) : null);
        return referralCount;
    }

    static boolean isOpen(String status) {
        return switch (status) {
            case "DRAFT", "SUBMITTED", "RECEIVED", "WAITLISTED", "ACCEPTED", "IN_PROGRESS" -> true;
            default -> false;
        };
    }

    /** Writes one referral row; returns its last change. */
    private Instant referralRow(StringBuilder out, UUID caseId, UUID platformId, Target t, boolean platformTarget, String status, int urgency,
                                Instant created, String originUai, UUID originPlatform) {
        boolean submitted = !status.equals("DRAFT");
        Instant submittedAt = submitted ? created.plusSeconds(60 + random.nextInt(3_600)) : null;
        Instant received = switch (status) {
            case "DRAFT", "SUBMITTED" -> null;
            case "CANCELLED", "REDIRECTED" -> random.nextBoolean() ? later(submittedAt, 3) : null;
            default -> later(submittedAt, 5);
        };
        Instant accepted = switch (status) {
            case "ACCEPTED", "IN_PROGRESS", "COMPLETED" -> later(received, 20);
            default -> null;
        };
        Instant waitlisted = status.equals("WAITLISTED") ? later(received, 10) : null;
        Instant declined = status.equals("DECLINED") ? later(received, 15) : null;
        Instant started = status.equals("IN_PROGRESS") || status.equals("COMPLETED") ? later(accepted, 15) : null;
        Instant completed = status.equals("COMPLETED") ? later(started, 120) : null;
        Instant cancelled = status.equals("CANCELLED") || status.equals("REDIRECTED") ? later(submittedAt == null ? created : submittedAt, 20) : null;
        Instant updated = max(created, submittedAt, received, accepted, waitlisted, declined, started, completed, cancelled);
        String[] f = {
                UUID.randomUUID().toString(), "0", caseId.toString(), null, null, status,
                platformTarget ? "PLATFORM" : "PROGRAMME",
                platformTarget ? platformId.toString() : t.id().toString(),
                platformTarget ? "Plateforme fictive" : t.name(),
                platformTarget ? null : str(t.organisation()),
                platformTarget ? null : t.admissionMode(),
                platformId.toString(), originUai, str(originPlatform), LOADED_BY,
                REASONS[random.nextInt(REASONS.length)], URGENCIES[urgency], Integer.toString(urgency),
                null, null, null, ts(created), ts(updated), ts(submittedAt), ts(received), ts(accepted), ts(waitlisted), ts(declined),
                null, declined == null ? null : "NO_PLACE", started == null ? null : day(started),
                completed == null ? null : OUTCOMES[random.nextInt(OUTCOMES.length)], completed == null ? null : day(completed),
                ts(completed), cancelled == null ? null : status.equals("REDIRECTED") ? "OTHER" : "NO_LONGER_NEEDED", ts(cancelled)};
        BulkLoad.csv(out, f);
        return updated;
    }

    private Instant later(Instant from, int maxDays) {
        if (from == null) {
            return null;
        }
        Instant t = from.plusSeconds(3_600 + random.nextLong(maxDays * 86_400L));
        return t.isAfter(now) ? now : t;
    }

    private static Instant max(Instant... values) {
        Instant m = null;
        for (Instant v : values) {
            if (v != null && (m == null || v.isAfter(m))) {
                m = v;
            }
        }
        return m;
    }

    static final String CASE_COPY = "COPY pupil_case (id, version, status, first_name, last_name, first_name_key, last_name_key, birth_date, school_uai, school_level,"
            + " schooling_status, home_commune_code, lives_in_qpv, guardians, consent_given_by, consent_given_at, consent_purpose,"
            + " consent_withdrawn_at, origin_uai, origin_platform, created_by, created_at, updated_at, closed_at, close_reason,"
            + " anonymised_at) FROM STDIN WITH (FORMAT csv)";
    static final String REFERRAL_COPY = "COPY referral (id, version, case_id, parent_id, redirected_to_id, status, target_type,"
            + " target_id, target_name, target_organisation_id, target_admission_mode, triage_platform_id, origin_uai,"
            + " origin_platform, created_by, reason, urgency, priority, context, eligibility_override_reason,"
            + " eligibility_mismatches, created_at, updated_at, submitted_at, received_at, accepted_at, waitlisted_at,"
            + " declined_at, commission_date, decline_reason, start_date, outcome, outcome_date, completed_at, cancel_reason,"
            + " cancelled_at) FROM STDIN WITH (FORMAT csv)";

    private static void row(StringBuilder out, UUID id, String status, String first, String last, LocalDate birth,
                            String school, String level, String schooling, String commune, String qpv, String guardians,
                            String consentBy, LocalDate consentAt, String purpose, Instant withdrawn, String originUai,
                            UUID originPlatform, String createdBy, Instant created, Instant updated, Instant closed,
                            String closeReason, Instant anonymised) {
        BulkLoad.csv(out, new String[] {id.toString(), "0", status, first, last, key(first), key(last), birth == null ? null : birth.toString(), school, level,
                schooling, commune, qpv, guardians, consentBy, consentAt.toString(), purpose, ts(withdrawn), originUai,
                str(originPlatform), createdBy, ts(created), ts(updated), ts(closed), closeReason, ts(anonymised)});
    }

    /** The compared form of a name, by referral-service's own rule, so loaded cases take part in the duplicate check. */
    private static String key(String name) {
        return name == null ? null : PersonName.key(name);
    }

    private static void flush(CopyManager copy, StringBuilder cases, StringBuilder referrals) throws SQLException, IOException {
        if (!cases.isEmpty()) {
            copy.copyIn(CASE_COPY, BulkLoad.reader(cases));
            cases.setLength(0);
        }
        if (!referrals.isEmpty()) {
            copy.copyIn(REFERRAL_COPY, BulkLoad.reader(referrals));
            referrals.setLength(0);
        }
    }

    private static String ts(Instant i) {
        return i == null ? null : i.toString();
    }

    private static String day(Instant i) {
        return i.atOffset(ZoneOffset.UTC).toLocalDate().toString();
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }
}
