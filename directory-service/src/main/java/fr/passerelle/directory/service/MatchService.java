package fr.passerelle.directory.service;

import fr.passerelle.common.problem.ProblemException;
import fr.passerelle.common.problem.Violation;
import fr.passerelle.directory.api.EligibilityAnswer;
import fr.passerelle.directory.api.MatchRequest;
import fr.passerelle.directory.api.MatchResult;
import fr.passerelle.directory.api.ProgrammeView;
import fr.passerelle.directory.domain.Programme;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The open programmes that can take a young person: verified fits first, then best territory fit and most places. */
@ApplicationScoped
public class MatchService {

    // Candidates narrowed by SQL are few; this bound keeps a pathological area cheap.
    private static final int CANDIDATE_LIMIT = 2000;

    @Inject
    fr.passerelle.directory.repository.ProgrammeRepository programmes;
    @Inject
    ProgrammeService programmeService;
    @Inject
    TerritoryService territories;
    @Inject
    Clock clock;

    @Inject
    ReadOnlyWork readOnly;

    @Transactional
    public MatchResult.Response match(MatchRequest request) {
        readOnly.begin();
        MatchRules.Situation situation = situation(request, false);
        int age = situation.age();

        List<Programme> candidates = programmes.matchCandidates(situation.communeCode(), situation.departementCode(),
                situation.academieCode(), age, situation.schoolLevel(), situation.schoolingStatus(), CANDIDATE_LIMIT);
        record Scored(Programme programme, MatchRules.Fit fit) {
        }
        List<Scored> scored = new ArrayList<>();
        for (Programme p : candidates) {
            Optional<MatchRules.Fit> fit = MatchRules.evaluate(p, situation);
            fit.ifPresent(f -> scored.add(new Scored(p, f)));
        }
        // What the directory does not know never outranks a verified fit: fewest unknown criteria first.
        scored.sort(Comparator.comparing(Scored::fit, MatchRules.BEST_FIRST)
                .thenComparing(s -> s.programme().placesAvailable, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(s -> s.programme().name)
                .thenComparing(s -> s.programme().id));
        int limit = request.limit() == null ? 20 : request.limit();
        List<Scored> top = scored.subList(0, Math.min(limit, scored.size()));
        List<ProgrammeView> views = programmeService.views(top.stream().map(Scored::programme).toList());
        List<MatchResult> items = new ArrayList<>();
        for (int i = 0; i < top.size(); i++) {
            MatchRules.Fit fit = top.get(i).fit();
            items.add(new MatchResult(views.get(i), fit.territoryFit(), fit.reasons(),
                    fit.unknowns().stream().map(Enum::name).toList()));
        }
        return new MatchResult.Response(age, items);
    }

    /**
     * Whether the young person fits one programme, and every rule not met: the question referral-service asks before
     * filing a referral. Answered for a closed or archived programme too (open says so); the criteria are those of
     * {@link #match}, and bad criteria (an unknown commune included) are the caller's mistake: 400.
     */
    @Transactional
    public EligibilityAnswer eligibility(UUID programmeId, MatchRequest criteria) {
        readOnly.begin();
        Programme p = programmes.findByIdOptional(programmeId)
                .orElseThrow(() -> ProblemException.notFound("Programme " + programmeId));
        MatchRules.Situation situation = situation(criteria, true);
        MatchRules.Verdict v = MatchRules.check(p, situation);
        return new EligibilityAnswer(p.id, situation.age(), v.fits(), p.open(), v.territoryFit(), v.reasons(),
                v.unknowns().stream().map(Enum::name).toList(), v.mismatches());
    }

    /** The young person's situation resolved to codes; a bad criterion is 400 for a query, 422 for a request body. */
    private MatchRules.Situation situation(MatchRequest request, boolean query) {
        if ((request.birthDate() == null) == (request.age() == null)) {
            List<Violation> both = List.of(
                    new Violation("birthDate", "give exactly one of birthDate or age", "EXACTLY_ONE"),
                    new Violation("age", "give exactly one of birthDate or age", "EXACTLY_ONE"));
            throw query ? ProblemException.badRequest("Give exactly one of birthDate or age.", both)
                    : ProblemException.unprocessable(both);
        }
        int age = request.age() != null ? request.age() : Period.between(request.birthDate(), LocalDate.now(clock)).getYears();
        if (age > 30) {
            throw bad(query, "birthDate", "the young person must be 30 or younger", "RANGE");
        }
        TerritoryService.Place place = territories.place(request.communeCode())
                .orElseThrow(() -> bad(query, "communeCode", "unknown INSEE commune code", "UNKNOWN_COMMUNE"));
        return new MatchRules.Situation(age, request.schoolLevel().name(),
                request.schoolingStatus().name(), place.commune().code, place.departementCode(), place.academieCode(),
                request.livesInQpv(), request.highestDiploma(), request.gender(), request.underCourtOrder(),
                request.hasDisabilityRecognition(), request.monthsOutOfSchool(),
                request.requirementsMet() == null ? Set.of() : Set.copyOf(request.requirementsMet()));
    }

    private static ProblemException bad(boolean query, String field, String message, String code) {
        return query ? ProblemException.badParameter(field, message, code) : ProblemException.unprocessable(field, message, code);
    }
}
