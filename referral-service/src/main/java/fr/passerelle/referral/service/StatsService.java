package fr.passerelle.referral.service;

import fr.passerelle.common.codes.Labelled;
import fr.passerelle.common.problem.ProblemException;
import fr.passerelle.referral.api.StatsView;
import fr.passerelle.referral.client.DirectoryGateway;
import fr.passerelle.common.time.ClockProducer;
import fr.passerelle.referral.config.ReferralConfig;
import fr.passerelle.referral.domain.AccessScope;
import fr.passerelle.referral.domain.Outcome;
import fr.passerelle.referral.domain.ReferralReason;
import fr.passerelle.referral.domain.ReferralStatus;
import fr.passerelle.referral.domain.Urgency;
import fr.passerelle.referral.repository.StatsRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Statistics with no personal data, within the caller's scope. Every figure goes through {@link Suppression}, and
 * the figures of one request are linked so that one cannot undo another: the split of all referrals by where they
 * stand ({@link StatsRepository#STANDING}, the margin every grouped table shares) is suppressed once; byStatus and
 * byOutcome are suppressed as breakdowns of those standings; every table takes them as its published column totals;
 * byProgramme is the programme table's row totals.
 */
@ApplicationScoped
public class StatsService {

    public static final int MINIMUM_COUNT = Suppression.THRESHOLD;
    /** The longest period one request covers. */
    public static final int MAX_YEARS = 5;
    public static final List<String> GROUP_BY = List.of("month", "school", "reason", "programme", "commune", "urgency", "outcome");
    public static final List<String> OUTCOME_COLUMNS = List.of("AT_COMPLETION", "SIX_MONTHS", "TWELVE_MONTHS");

    private static final Map<String, String> STANDING_LABELS = Map.of(
            "PENDING", "En attente de décision",
            "ACCEPTED", "Acceptées ou en cours",
            "DECLINED", "Refusées",
            "POSITIVE_EXIT", "Terminées, sortie positive",
            "OTHER_EXIT", "Terminées, autre sortie",
            "CLOSED", "Réorientées ou annulées");
    private static final Map<String, String> OUTCOME_COLUMN_LABELS = Map.of(
            "AT_COMPLETION", "À la sortie du dispositif",
            "SIX_MONTHS", "À 6 mois",
            "TWELVE_MONTHS", "À 12 mois");
    /** The statuses in each standing, in the order of {@link StatsRepository#STANDING}. */
    private static final List<List<ReferralStatus>> STATUSES_BY_STANDING = List.of(
            List.of(ReferralStatus.SUBMITTED, ReferralStatus.RECEIVED, ReferralStatus.WAITLISTED),
            List.of(ReferralStatus.ACCEPTED, ReferralStatus.IN_PROGRESS),
            List.of(ReferralStatus.DECLINED),
            List.of(),
            List.of(),
            List.of(ReferralStatus.REDIRECTED, ReferralStatus.CANCELLED));
    private static final int POSITIVE = 3;
    private static final int OTHER = 4;
    private static final int DECLINED = 2;
    private static final int CLOSED = 5;
    private static final DateTimeFormatter MONTH_LABEL = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.FRENCH);

    @Inject
    StatsRepository stats;
    @Inject
    AccessPolicy policy;
    @Inject
    DirectoryGateway directory;
    @Inject
    ReferralConfig config;
    @Inject
    Clock clock;

    /** What a request asks for; each part optional. */
    public record Query(LocalDate from, LocalDate to, UUID platformId, UUID programmeId, String groupBy) {
    }

    @Transactional
    public StatsView compute(Query query) {
        policy.requireStatsReader();
        validate(query);
        Scoped scoped = scope();
        checkFilters(query);
        var filter = new StatsRepository.Filter(scoped.access(),
                query.from() == null ? null : query.from().atStartOfDay(ClockProducer.PARIS).toInstant(),
                query.to() == null ? null : query.to().plusDays(1).atStartOfDay(ClockProducer.PARIS).toInstant(),
                query.platformId(), query.programmeId());

        StatsRepository.Totals t = stats.totals(filter);
        // the margin: every referral filed, by where it stands now
        long[] standing = stats.standingBy("'ALL'", "null", filter).stream().findFirst()
                .map(StatsRepository.Line::counts).orElse(new long[StatsRepository.STANDING.size()]);
        boolean[] standingHidden = Suppression.suppressList(standing, t.total());
        boolean totalHidden = standingHidden[standing.length];

        Map<String, Long> byStatusCounts = toMap(stats.byStatus(filter));
        List<StatsView.Group> byStatus = byStatus(byStatusCounts, standing, standingHidden);
        Map<String, Long> outcomes = toMap(stats.byOutcome(filter));
        Map<String, Boolean> outcomeHidden = outcomeHidden(outcomes, standing, standingHidden);
        List<StatsView.Group> byOutcome = new ArrayList<>();
        for (Outcome o : Outcome.values()) {
            long n = outcomes.getOrDefault(o.name(), 0L);
            if (n > 0) {
                boolean hidden = outcomeHidden.get(o.name());
                byOutcome.add(new StatsView.Group(o.name(), o.label(), hidden ? null : n, hidden));
            }
        }

        StatsView.Table programmeTable = standingTable("programme", filter, standing, standingHidden);
        List<StatsView.Group> byProgramme = programmeTable.rows().stream().filter(r -> !"PLATFORM".equals(r.key()))
                .filter(r -> r.total().hidden() || r.total().value() > 0)
                .map(r -> new StatsView.Group(r.key(), r.label(), r.total().value(), r.total().hidden())).toList();
        List<StatsView.Group> byPlatform = byPlatform(stats.byPlatform(filter), t.total(), programmeTable);

        StatsView.Table table = null;
        if (query.groupBy() != null) {
            table = switch (query.groupBy()) {
                case "programme" -> programmeTable;
                case "outcome" -> outcomeTable(outcomes, outcomeHidden, filter);
                default -> standingTable(query.groupBy(), filter, standing, standingHidden);
            };
        }

        return new StatsView(clock.instant(), scoped.view(),
                new StatsView.Filters(query.from(), query.to(), query.platformId(), query.programmeId(), query.groupBy()),
                MINIMUM_COUNT, count(t.total(), totalHidden), byStatus, byPlatform, byProgramme, byOutcome,
                duration(t, byStatusCounts, standingHidden), acceptance(t, standing, standingHidden),
                positiveExits(standing, standingHidden), table);
    }

    // ------------------------------------------------------------------ request checks

    private void validate(Query q) {
        if (q.from() != null && q.to() != null) {
            if (q.to().isBefore(q.from())) {
                throw ProblemException.badParameter("to", "must not be before from", "RANGE");
            }
            if (q.to().isAfter(q.from().plusYears(MAX_YEARS))) {
                throw ProblemException.badParameter("to", "the period may cover at most " + MAX_YEARS + " years", "RANGE");
            }
        }
        if (q.groupBy() != null && !GROUP_BY.contains(q.groupBy())) {
            throw ProblemException.badParameter("groupBy", "must be one of " + String.join(", ", GROUP_BY), "ENUM");
        }
    }

    private record Scoped(AccessScope access, StatsView.Scope view) {
    }

    /** The scope comes from the caller's role and attachment only. */
    private Scoped scope() {
        return switch (policy.kind()) {
            case REFERENT -> {
                String uai = policy.uai().orElseThrow();
                yield new Scoped(AccessScope.school(uai), new StatsView.Scope(StatsView.ScopeKind.SCHOOL, uai, "Établissement " + uai));
            }
            case COORDINATOR -> {
                UUID platform = policy.platform().orElseThrow();
                String name = quietly(() -> directory.platform(platform).map(p -> p.name())).orElse(platform.toString());
                yield new Scoped(AccessScope.platform(platform),
                        new StatsView.Scope(StatsView.ScopeKind.PLATFORM, platform.toString(), "Plateforme " + name));
            }
            case PARTNER -> {
                UUID organisation = policy.organisation().orElseThrow();
                String name = quietly(() -> directory.organisation(organisation).map(o -> o.name())).orElse(organisation.toString());
                yield new Scoped(AccessScope.organisation(organisation),
                        new StatsView.Scope(StatsView.ScopeKind.ORGANISATION, organisation.toString(), name));
            }
            default -> new Scoped(AccessScope.everything("territory-wide statistics: counts only, for auditors, directory"
                    + " editors and systems without an attachment"), new StatsView.Scope(StatsView.ScopeKind.TERRITORY, null, "Territoire"));
        };
    }

    /**
     * A filter naming another platform (coordinator) or another organisation's programme (partner) is refused with
     * 403: the platforms and programmes are public directory facts, so there is nothing to hide by a 404, and the
     * caller learns that the figures they asked for are not theirs rather than reading zeros.
     */
    private void checkFilters(Query q) {
        if (policy.kind() == AccessPolicy.Kind.COORDINATOR && q.platformId() != null
                && !q.platformId().equals(policy.platform().orElseThrow())) {
            throw ProblemException.forbidden("platformId is outside your statistics scope: a coordinator sees its own platform's figures.");
        }
        if (policy.kind() == AccessPolicy.Kind.PARTNER && q.programmeId() != null) {
            UUID organisation = policy.organisation().orElseThrow();
            Optional<UUID> owner;
            try {
                owner = directory.programme(q.programmeId()).map(p -> p.organisationId());
            } catch (RuntimeException e) {
                throw ProblemException.serviceUnavailable("The directory cannot say whose programme this is right now. Retry later.",
                        config.directory().retryAfterSeconds());
            }
            if (owner.isEmpty() || !owner.get().equals(organisation)) {
                throw ProblemException.forbidden("programmeId is outside your statistics scope: partner staff see their"
                        + " organisation's programmes.");
            }
        }
    }

    // ------------------------------------------------------------------ ungrouped figures

    private List<StatsView.Group> byStatus(Map<String, Long> counts, long[] standing, boolean[] standingHidden) {
        Map<ReferralStatus, Boolean> hidden = new LinkedHashMap<>();
        for (int s = 0; s < STATUSES_BY_STANDING.size(); s++) {
            List<ReferralStatus> statuses = STATUSES_BY_STANDING.get(s);
            if (statuses.isEmpty()) {
                continue;
            }
            long[] values = statuses.stream().mapToLong(st -> counts.getOrDefault(st.name(), 0L)).toArray();
            boolean[] h = Suppression.suppressList(values, standing[s], standingHidden[s], true);
            for (int i = 0; i < statuses.size(); i++) {
                hidden.put(statuses.get(i), h[i]);
            }
        }
        // COMPLETED is the sum of two standings: hidden as soon as either is
        hidden.put(ReferralStatus.COMPLETED, standingHidden[POSITIVE] || standingHidden[OTHER]);
        List<StatsView.Group> out = new ArrayList<>();
        for (ReferralStatus st : ReferralStatus.values()) {
            long n = counts.getOrDefault(st.name(), 0L);
            if (st == ReferralStatus.DRAFT || n == 0) {
                continue;
            }
            boolean h = hidden.get(st);
            out.add(new StatsView.Group(st.name(), st.label(), h ? null : n, h));
        }
        return out;
    }

    /** Outcomes at completion, as breakdowns of the positive-exit and other-exit standings. */
    private static Map<String, Boolean> outcomeHidden(Map<String, Long> outcomes, long[] standing, boolean[] standingHidden) {
        Map<String, Boolean> hidden = new LinkedHashMap<>();
        for (boolean positive : new boolean[] {true, false}) {
            List<Outcome> part = Arrays.stream(Outcome.values()).filter(o -> o.positiveExit() == positive).toList();
            int s = positive ? POSITIVE : OTHER;
            long[] values = new long[part.size() + 1];
            long sum = 0;
            for (int i = 0; i < part.size(); i++) {
                values[i] = outcomes.getOrDefault(part.get(i).name(), 0L);
                sum += values[i];
            }
            values[part.size()] = Math.max(0, standing[s] - sum); // completed without an outcome: never published
            boolean[] h = Suppression.suppressList(values, standing[s], standingHidden[s], true);
            for (int i = 0; i < part.size(); i++) {
                hidden.put(part.get(i).name(), h[i]);
            }
        }
        return hidden;
    }

    /**
     * Platforms: a platform's count is the sum of its programmes' rows, so it is published only when none of those
     * rows is hidden; if any is, no platform count is published (a single hidden platform would be recovered from the
     * total).
     */
    private static List<StatsView.Group> byPlatform(List<StatsRepository.Group> rows, long total, StatsView.Table programmes) {
        boolean anyProgrammeHidden = programmes.rows().stream().anyMatch(r -> r.total().hidden());
        long[] values = new long[rows.size() + 1];
        long sum = 0;
        for (int i = 0; i < rows.size(); i++) {
            values[i] = rows.get(i).count();
            sum += values[i];
        }
        values[rows.size()] = total - sum; // referrals with no coordinating platform: never published
        boolean[] h = Suppression.suppressList(values, total, false, true);
        List<StatsView.Group> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            boolean hidden = anyProgrammeHidden || h[i];
            out.add(new StatsView.Group(rows.get(i).key(), rows.get(i).label(), hidden ? null : rows.get(i).count(), hidden));
        }
        return out;
    }

    private static StatsView.Duration duration(StatsRepository.Totals t, Map<String, Long> byStatus, boolean[] standingHidden) {
        long responded = t.responded();
        long notReceived = t.total() - responded;
        // referrals closed before anyone received them: total - responded - still SUBMITTED
        long closedUnreceived = notReceived - byStatus.getOrDefault(ReferralStatus.SUBMITTED.name(), 0L);
        boolean hidden = Suppression.primary(responded) || responded == 0 || Suppression.primary(notReceived)
                || Suppression.primary(closedUnreceived) || standingHidden[0] || standingHidden[CLOSED];
        return new StatsView.Duration(hidden ? null : round(t.medianResponseHours()), hidden ? null : round(t.averageResponseHours()),
                count(responded, hidden), hidden);
    }

    /**
     * accepted / (accepted + declined), accepted meaning ever accepted. Hidden with the standings it could split: the
     * declined, accepted, completed and closed ones, and the closed-after-acceptance count it implies.
     */
    private static StatsView.Rate acceptance(StatsRepository.Totals t, long[] standing, boolean[] standingHidden) {
        long accepted = t.accepted();
        long declined = t.declined();
        long closedAfterAcceptance = accepted - standing[1] - standing[POSITIVE] - standing[OTHER];
        boolean hidden = Suppression.primary(accepted) || Suppression.primary(declined) || Suppression.primary(closedAfterAcceptance)
                || standingHidden[1] || standingHidden[DECLINED] || standingHidden[POSITIVE] || standingHidden[OTHER]
                || standingHidden[CLOSED] || accepted + declined == 0;
        return rate(accepted, accepted + declined, hidden);
    }

    private static StatsView.Rate positiveExits(long[] standing, boolean[] standingHidden) {
        long positives = standing[POSITIVE];
        long completed = standing[POSITIVE] + standing[OTHER];
        boolean hidden = standingHidden[POSITIVE] || standingHidden[OTHER] || completed == 0;
        return rate(positives, completed, hidden);
    }

    static StatsView.Count count(long n, boolean hidden) {
        return hidden ? new StatsView.Count(null, true) : new StatsView.Count(n, false);
    }

    static StatsView.Rate rate(long numerator, long denominator, boolean hidden) {
        Double value = hidden || denominator == 0 ? null : Math.round(10000.0 * numerator / denominator) / 10000.0;
        return new StatsView.Rate(value, count(numerator, hidden), count(denominator, hidden), hidden);
    }

    // ------------------------------------------------------------------ tables

    private StatsView.Table standingTable(String groupBy, StatsRepository.Filter filter, long[] standing, boolean[] standingHidden) {
        String key = switch (groupBy) {
            case "month" -> "to_char(r.submitted_at at time zone 'Europe/Paris', 'YYYY-MM')";
            case "school" -> "coalesce(r.origin_uai, 'NONE')";
            case "reason" -> "r.reason";
            case "urgency" -> "r.urgency";
            case "commune" -> "coalesce(c.home_commune_code, 'NONE')";
            case "programme" -> "case when r.target_type = 'PROGRAMME' then cast(r.target_id as text) else 'PLATFORM' end";
            default -> throw new IllegalArgumentException(groupBy);
        };
        String label = "programme".equals(groupBy) ? "max(r.target_name)" : "null";
        List<StatsRepository.Line> lines = withEmptyRows(groupBy, stats.standingBy(key, label, filter), filter);
        int rows = lines.size();
        int cols = StatsRepository.STANDING.size();
        long[][] grid = new long[rows + 1][cols + 1];
        boolean[][] forced = new boolean[rows + 1][cols + 1];
        boolean[][] fixed = new boolean[rows + 1][cols + 1];
        for (int r = 0; r < rows; r++) {
            long[] counts = lines.get(r).counts();
            for (int c = 0; c < cols; c++) {
                grid[r][c] = counts[c];
                grid[r][cols] += counts[c];
            }
        }
        // the column totals are the standings, suppressed once for every table
        long grand = 0;
        for (int c = 0; c < cols; c++) {
            grid[rows][c] = standing[c];
            forced[rows][c] = standingHidden[c];
            fixed[rows][c] = true;
            grand += standing[c];
        }
        grid[rows][cols] = grand;
        forced[rows][cols] = standingHidden[cols];
        fixed[rows][cols] = true;
        boolean[][] hidden = Suppression.suppress(grid, true, forced, fixed);

        List<StatsView.Column> columns = StatsRepository.STANDING.stream()
                .map(k -> new StatsView.Column(k, STANDING_LABELS.get(k))).toList();
        List<StatsView.Row> out = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            StatsRepository.Line line = lines.get(r);
            out.add(row(line.key(), rowLabel(groupBy, line), grid[r], hidden[r], true));
        }
        StatsView.Row totals = row("TOTAL", "Total", grid[rows], hidden[rows], true);
        return new StatsView.Table(groupBy, columns, true, out, totals);
    }

    /** Rows with no referral are listed too for closed sets of values (codes; months of a bounded period). */
    private List<StatsRepository.Line> withEmptyRows(String groupBy, List<StatsRepository.Line> lines, StatsRepository.Filter filter) {
        List<String> keys = switch (groupBy) {
            case "reason" -> Arrays.stream(ReferralReason.values()).map(Enum::name).toList();
            case "urgency" -> Arrays.stream(Urgency.values()).map(Enum::name).toList();
            case "month" -> months(filter);
            default -> List.of();
        };
        if (keys.isEmpty()) {
            return lines;
        }
        Map<String, StatsRepository.Line> byKey = new LinkedHashMap<>();
        for (String k : keys) {
            byKey.put(k, new StatsRepository.Line(k, null, new long[StatsRepository.STANDING.size()]));
        }
        for (StatsRepository.Line l : lines) {
            byKey.put(l.key(), l);
        }
        List<StatsRepository.Line> out = new ArrayList<>(byKey.values());
        if ("month".equals(groupBy)) {
            out.sort((a, b) -> a.key().compareTo(b.key()));
        }
        return out;
    }

    private static List<String> months(StatsRepository.Filter filter) {
        if (filter.from() == null || filter.to() == null) {
            return List.of();
        }
        YearMonth first = YearMonth.from(filter.from().atZone(ClockProducer.PARIS));
        YearMonth last = YearMonth.from(filter.to().minusSeconds(1).atZone(ClockProducer.PARIS));
        List<String> out = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            out.add(m.toString());
        }
        return out;
    }

    private String rowLabel(String groupBy, StatsRepository.Line line) {
        String key = line.key();
        if ("NONE".equals(key)) {
            return "school".equals(groupBy) ? "Hors établissement (créée par une plateforme)" : "Non renseignée";
        }
        return switch (groupBy) {
            case "month" -> MONTH_LABEL.format(YearMonth.parse(key));
            case "school" -> "Établissement " + key;
            case "reason" -> label(ReferralReason.class, key);
            case "urgency" -> label(Urgency.class, key);
            case "commune" -> quietly(() -> directory.commune(key).map(c -> c.name() + " (" + key + ")")).orElse(key);
            case "programme" -> "PLATFORM".equals(key) ? "Orientations vers une plateforme" : Objects.requireNonNullElse(line.label(), key);
            default -> key;
        };
    }

    /** Outcomes: at completion (as byOutcome), and the situations recorded 6 and 12 months later. */
    private StatsView.Table outcomeTable(Map<String, Long> atCompletion, Map<String, Boolean> atCompletionHidden,
                                         StatsRepository.Filter filter) {
        Outcome[] outcomes = Outcome.values();
        List<Map<String, Long>> later = List.of(toMap(stats.followUps(filter, "SIX_MONTHS")), toMap(stats.followUps(filter, "TWELVE_MONTHS")));
        int rows = outcomes.length;
        int cols = OUTCOME_COLUMNS.size();
        long[][] grid = new long[rows + 1][cols];
        boolean[][] forced = new boolean[rows + 1][cols];
        boolean[][] fixed = new boolean[rows + 1][cols];
        for (int r = 0; r < rows; r++) {
            grid[r][0] = atCompletion.getOrDefault(outcomes[r].name(), 0L);
            forced[r][0] = atCompletionHidden.get(outcomes[r].name());
            fixed[r][0] = true;
            grid[rows][0] += grid[r][0];
            for (int c = 1; c < cols; c++) {
                grid[r][c] = later.get(c - 1).getOrDefault(outcomes[r].name(), 0L);
                grid[rows][c] += grid[r][c];
            }
        }
        boolean[][] hidden = Suppression.suppress(grid, false, forced, fixed);
        List<StatsView.Column> columns = OUTCOME_COLUMNS.stream().map(k -> new StatsView.Column(k, OUTCOME_COLUMN_LABELS.get(k))).toList();
        List<StatsView.Row> out = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            out.add(row(outcomes[r].name(), outcomes[r].label(), grid[r], hidden[r], false));
        }
        return new StatsView.Table("outcome", columns, false, out, row("TOTAL", "Total", grid[rows], hidden[rows], false));
    }

    private static StatsView.Row row(String key, String label, long[] values, boolean[] hidden, boolean rowTotals) {
        int cells = rowTotals ? values.length - 1 : values.length;
        List<StatsView.Count> counts = new ArrayList<>();
        for (int c = 0; c < cells; c++) {
            counts.add(count(values[c], hidden[c]));
        }
        return new StatsView.Row(key, label, counts, rowTotals ? count(values[cells], hidden[cells]) : null);
    }

    // ------------------------------------------------------------------ helpers

    private static Map<String, Long> toMap(List<StatsRepository.Group> groups) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (StatsRepository.Group g : groups) {
            out.put(g.key(), g.count());
        }
        return out;
    }

    /** A label from the directory when it answers; the statistics never wait on it nor fail for it. */
    private static <T> Optional<T> quietly(java.util.function.Supplier<Optional<T>> lookup) {
        try {
            return lookup.get();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static <E extends Enum<E> & Labelled> String label(Class<E> type, String code) {
        try {
            return Enum.valueOf(type, code).label();
        } catch (IllegalArgumentException e) {
            return code;
        }
    }

    private static Double round(Double hours) {
        return hours == null ? null : Math.round(hours * 10.0) / 10.0;
    }
}
