package fr.passerelle.referral.service;

import fr.passerelle.referral.api.StatsView;
import fr.passerelle.referral.config.ClockProducer;
import fr.passerelle.common.codes.Labelled;
import fr.passerelle.referral.domain.Outcome;
import fr.passerelle.referral.domain.ReferralStatus;
import fr.passerelle.referral.repository.StatsRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** Statistics with no personal data; any count under {@link #MINIMUM_COUNT} is hidden (small-cell suppression). */
@ApplicationScoped
public class StatsService {

    public static final int MINIMUM_COUNT = 5;

    @Inject
    StatsRepository stats;
    @Inject
    AccessPolicy policy;
    @Inject
    Clock clock;

    @Transactional
    public StatsView compute(LocalDate from, LocalDate to, UUID platformId, UUID programmeId) {
        policy.requireStatsReader();
        var filter = new StatsRepository.Filter(
                from == null ? null : from.atStartOfDay(ClockProducer.PARIS).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(ClockProducer.PARIS).toInstant(),
                platformId, programmeId);
        StatsRepository.Totals t = stats.totals(filter);
        boolean responseHidden = t.responded() < MINIMUM_COUNT;
        return new StatsView(clock.instant(), new StatsView.Filters(from, to, platformId, programmeId), MINIMUM_COUNT,
                count(t.total()),
                groups(stats.byStatus(filter), code -> label(ReferralStatus.class, code)),
                groups(stats.byPlatform(filter), null),
                groups(stats.byProgramme(filter), null),
                groups(stats.byOutcome(filter), code -> label(Outcome.class, code)),
                new StatsView.Duration(responseHidden ? null : round(t.medianResponseHours()),
                        responseHidden ? null : round(t.averageResponseHours()), count(t.responded()), responseHidden),
                rate(t.accepted(), t.accepted() + t.declined()),
                rate(t.positiveExits(), t.completed()));
    }

    static StatsView.Count count(long n) {
        return n < MINIMUM_COUNT ? new StatsView.Count(null, true) : new StatsView.Count(n, false);
    }

    static StatsView.Rate rate(long numerator, long denominator) {
        boolean hidden = numerator < MINIMUM_COUNT || denominator < MINIMUM_COUNT;
        Double value = hidden ? null : Math.round(10000.0 * numerator / denominator) / 10000.0;
        return new StatsView.Rate(value, count(numerator), count(denominator), hidden);
    }

    private static List<StatsView.Group> groups(List<StatsRepository.Group> rows, Function<String, String> labeller) {
        return rows.stream().map(g -> {
            String label = g.label() != null ? g.label() : labeller == null ? null : labeller.apply(g.key());
            boolean hidden = g.count() < MINIMUM_COUNT;
            return new StatsView.Group(g.key(), label, hidden ? null : g.count(), hidden);
        }).toList();
    }

    private static <E extends Enum<E> & Labelled> String label(Class<E> type, String code) {
        try {
            return Enum.valueOf(type, code).label();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Double round(Double hours) {
        return hours == null ? null : Math.round(hours * 10.0) / 10.0;
    }
}
