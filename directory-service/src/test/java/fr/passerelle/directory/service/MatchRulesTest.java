package fr.passerelle.directory.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.common.codes.CodeLabel;
import fr.passerelle.directory.domain.DiplomaLevel;
import fr.passerelle.directory.domain.Gender;
import fr.passerelle.directory.domain.Organisation;
import fr.passerelle.directory.domain.Programme;
import fr.passerelle.directory.domain.RecordStatus;
import fr.passerelle.directory.domain.Requirement;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MatchRulesTest {

    private static final MatchRules.Situation VILLEURBANNE_17_LEFT = new MatchRules.Situation(17, "NONE", "LEFT_SCHOOL",
            "69266", "69", "LYON", null, null);

    private static Programme programme() {
        Organisation o = new Organisation();
        o.status = RecordStatus.ACTIVE;
        Programme p = new Programme();
        p.organisation = o;
        p.status = RecordStatus.ACTIVE;
        p.serviceDepartements = List.of("69");
        p.audiences = List.of("YOUNG_PERSON");
        return p;
    }

    private static List<String> codes(Optional<MatchRules.Fit> fit) {
        return fit.orElseThrow().reasons().stream().map(CodeLabel::code).toList();
    }

    @Test
    void territoryFitPrefersTheCommuneThenDepartementThenAcademie() {
        Programme p = programme();
        assertEquals(2, MatchRules.evaluate(p, VILLEURBANNE_17_LEFT).orElseThrow().territoryFit());
        p.serviceCommunes = List.of("69266");
        assertEquals(3, MatchRules.evaluate(p, VILLEURBANNE_17_LEFT).orElseThrow().territoryFit());
        p.serviceCommunes = List.of();
        p.serviceDepartements = List.of();
        p.serviceAcademies = List.of("LYON");
        assertEquals(1, MatchRules.evaluate(p, VILLEURBANNE_17_LEFT).orElseThrow().territoryFit());
        p.serviceAcademies = List.of("CRETEIL");
        assertTrue(MatchRules.evaluate(p, VILLEURBANNE_17_LEFT).isEmpty());
    }

    @Test
    void eachCriterionExcludesOrGivesAReason() {
        Programme p = programme();
        p.minAge = 16;
        p.maxAge = 25;
        p.schoolingStatuses = List.of("LEFT_SCHOOL");
        assertEquals(List.of("DEPARTEMENT_SERVED", "AUDIENCE_YOUNG_PERSON", "AGE_IN_RANGE", "SCHOOLING_STATUS_ACCEPTED", "PLACES_UNKNOWN"),
                codes(MatchRules.evaluate(p, VILLEURBANNE_17_LEFT)));
        p.minAge = 18;
        assertTrue(MatchRules.evaluate(p, VILLEURBANNE_17_LEFT).isEmpty());
        p.minAge = 16;
        p.schoolingStatuses = List.of("ENROLLED", "AT_RISK");
        assertTrue(MatchRules.evaluate(p, VILLEURBANNE_17_LEFT).isEmpty());
        p.schoolingStatuses = List.of();
        p.schoolLevels = List.of("SECONDE");
        assertTrue(MatchRules.evaluate(p, VILLEURBANNE_17_LEFT).isEmpty());
    }

    @Test
    void priorityNeighbourhoodAndDiplomaCap() {
        Programme p = programme();
        p.qpvResidenceRequired = true;
        assertTrue(MatchRules.evaluate(p, VILLEURBANNE_17_LEFT).isEmpty(), "unknown QPV residence does not qualify");
        var qpv = new MatchRules.Situation(17, "NONE", "LEFT_SCHOOL", "69266", "69", "LYON", true, DiplomaLevel.BAC);
        assertTrue(codes(MatchRules.evaluate(p, qpv)).contains("QPV_RESIDENT"));
        p.maxDiplomaLevel = DiplomaLevel.CAP_BEP;
        assertTrue(MatchRules.evaluate(p, qpv).isEmpty(), "a bachelier is above a CAP cap");
        p.maxDiplomaLevel = DiplomaLevel.BAC;
        assertTrue(codes(MatchRules.evaluate(p, qpv)).contains("DIPLOMA_WITHIN_CAP"));
    }

    @Test
    void onlyOpenProgrammesMatch() {
        Programme p = programme();
        p.placesAvailable = 0;
        assertTrue(MatchRules.evaluate(p, VILLEURBANNE_17_LEFT).isEmpty());
        p.placesAvailable = 3;
        assertTrue(codes(MatchRules.evaluate(p, VILLEURBANNE_17_LEFT)).contains("PLACES_AVAILABLE"));
        p.status = RecordStatus.CLOSED;
        assertTrue(MatchRules.evaluate(p, VILLEURBANNE_17_LEFT).isEmpty());
        p.status = RecordStatus.ACTIVE;
        p.organisation.status = RecordStatus.CLOSED;
        assertTrue(MatchRules.evaluate(p, VILLEURBANNE_17_LEFT).isEmpty());
        p.organisation.status = RecordStatus.ACTIVE;
        p.archivedAt = java.time.Instant.now();
        assertTrue(MatchRules.evaluate(p, VILLEURBANNE_17_LEFT).isEmpty());
    }

    private static MatchRules.Situation situation(int age, Gender gender, Boolean courtOrder, Boolean disability, Integer months,
                                                  DiplomaLevel diploma, Requirement... met) {
        return new MatchRules.Situation(age, "NONE", "LEFT_SCHOOL", "69266", "69", "LYON", null, diploma, gender, courtOrder,
                disability, months, Set.of(met));
    }

    private static List<String> labels(Optional<MatchRules.Fit> fit, String code) {
        return fit.orElseThrow().reasons().stream().filter(r -> r.code().equals(code)).map(CodeLabel::label).toList();
    }

    @Test
    void everyUnknownCriterionGivesItsOwnNotStatedReasonAndNeverAFit() {
        Programme p = programme();
        p.audiences = List.of();
        Optional<MatchRules.Fit> fit = MatchRules.evaluate(p, VILLEURBANNE_17_LEFT);
        assertEquals(List.of("Public visé non renseigné", "Âge accueilli non renseigné", "Niveau scolaire accueilli non renseigné",
                "Situation scolaire accueillie non renseignée"), labels(fit, "NOT_STATED"));
        assertEquals(List.of(MatchRules.Unknown.AUDIENCE, MatchRules.Unknown.AGE, MatchRules.Unknown.SCHOOL_LEVEL,
                MatchRules.Unknown.SCHOOLING_STATUS), fit.orElseThrow().unknowns());
        List<String> codes = codes(fit);
        for (String verified : List.of("AUDIENCE_YOUNG_PERSON", "AGE_IN_RANGE", "SCHOOL_LEVEL_ACCEPTED", "SCHOOLING_STATUS_ACCEPTED")) {
            assertFalse(codes.contains(verified), "missing data is not presented as " + verified);
        }
        p.audiences = List.of("YOUNG_PERSON");
        p.minAge = 16;
        p.schoolingStatuses = List.of("LEFT_SCHOOL");
        fit = MatchRules.evaluate(p, VILLEURBANNE_17_LEFT);
        assertEquals(List.of(), fit.orElseThrow().unknowns(), "one bound of age is a stated criterion; out of school needs no level");
        assertFalse(codes(fit).contains("NOT_STATED"));
    }

    @Test
    void programmesForParentsOrProfessionalsAreNeverMatchedForAYoungPerson() {
        Programme p = programme();
        p.audiences = List.of("PARENT");
        assertTrue(MatchRules.evaluate(p, VILLEURBANNE_17_LEFT).isEmpty());
        p.audiences = List.of("PROFESSIONAL");
        assertTrue(MatchRules.evaluate(p, VILLEURBANNE_17_LEFT).isEmpty());
        p.audiences = List.of("YOUNG_PERSON", "PARENT");
        assertTrue(codes(MatchRules.evaluate(p, VILLEURBANNE_17_LEFT)).contains("AUDIENCE_YOUNG_PERSON"));
    }

    @Test
    void aStudentsProgrammeNeedsTheBaccalaureat() {
        Programme p = programme();
        p.audiences = List.of("STUDENT");
        assertTrue(MatchRules.evaluate(p, VILLEURBANNE_17_LEFT).isEmpty(), "diploma unknown");
        assertTrue(MatchRules.evaluate(p, situation(17, null, null, null, null, DiplomaLevel.BREVET)).isEmpty());
        assertTrue(codes(MatchRules.evaluate(p, situation(19, null, null, null, null, DiplomaLevel.BAC))).contains("AUDIENCE_STUDENT"));
    }

    @Test
    void girlsOnlyAndCourtDecisionMatchOnlyWhenDeclared() {
        Programme p = programme();
        p.requirements = List.of("GIRLS_ONLY");
        assertTrue(MatchRules.evaluate(p, VILLEURBANNE_17_LEFT).isEmpty(), "gender not given");
        assertTrue(MatchRules.evaluate(p, situation(17, Gender.MALE, null, null, null, null)).isEmpty());
        assertEquals(List.of("Condition déclarée remplie : Réservé aux filles et aux jeunes femmes"),
                labels(MatchRules.evaluate(p, situation(17, Gender.FEMALE, null, null, null, null)), "REQUIREMENT_MET"));
        p.requirements = List.of("COURT_DECISION");
        assertTrue(MatchRules.evaluate(p, situation(17, Gender.FEMALE, null, null, null, null)).isEmpty());
        assertTrue(MatchRules.evaluate(p, situation(17, null, false, null, null, null)).isEmpty());
        assertTrue(codes(MatchRules.evaluate(p, situation(17, null, true, null, null, null))).contains("REQUIREMENT_MET"));
        p.requirements = List.of("NOT_IN_EMPLOYMENT_OR_TRAINING");
        assertTrue(MatchRules.evaluate(p, VILLEURBANNE_17_LEFT).isEmpty());
        assertTrue(MatchRules.evaluate(p, situation(17, null, null, null, null, null,
                Requirement.NOT_IN_EMPLOYMENT_OR_TRAINING)).isPresent());
    }

    @Test
    void aRecognisedDisabilityExtendsTheAgeLimit() {
        Programme p = programme();
        p.minAge = 16;
        p.maxAge = 25;
        p.maxAgeWithDisability = 30;
        assertTrue(MatchRules.evaluate(p, situation(28, null, null, null, null, null)).isEmpty());
        assertTrue(MatchRules.evaluate(p, situation(28, null, null, false, null, null)).isEmpty());
        assertTrue(codes(MatchRules.evaluate(p, situation(28, null, null, true, null, null))).contains("AGE_IN_RANGE_WITH_DISABILITY"));
        assertTrue(codes(MatchRules.evaluate(p, situation(30, null, null, true, null, null))).contains("AGE_IN_RANGE_WITH_DISABILITY"));
        assertTrue(MatchRules.evaluate(p, situation(31, null, null, true, null, null)).isEmpty());
        assertTrue(codes(MatchRules.evaluate(p, situation(20, null, null, true, null, null))).contains("AGE_IN_RANGE"));
        p.maxAgeWithDisability = null;
        assertTrue(MatchRules.evaluate(p, situation(28, null, null, true, null, null)).isEmpty());
    }

    @Test
    void timeOutOfSchoolIsCheckedOrReportedAsNotDeclared() {
        Programme p = programme();
        p.maxMonthsOutOfSchool = 36;
        assertTrue(codes(MatchRules.evaluate(p, situation(19, null, null, null, 8, null))).contains("MONTHS_OUT_OF_SCHOOL_IN_RANGE"));
        assertTrue(codes(MatchRules.evaluate(p, situation(19, null, null, null, 36, null))).contains("MONTHS_OUT_OF_SCHOOL_IN_RANGE"));
        assertTrue(MatchRules.evaluate(p, situation(19, null, null, null, 37, null)).isEmpty());
        p.minMonthsOutOfSchool = 3;
        assertTrue(MatchRules.evaluate(p, situation(19, null, null, null, 2, null)).isEmpty());
        Optional<MatchRules.Fit> undeclared = MatchRules.evaluate(p, situation(19, null, null, null, null, null));
        assertTrue(undeclared.orElseThrow().unknowns().contains(MatchRules.Unknown.MONTHS_OUT_OF_SCHOOL));
        assertEquals(1, labels(undeclared, "NOT_DECLARED").size());
    }

    @Test
    void anUndeclaredDiplomaUnderACapIsNotPresentedAsWithinIt() {
        Programme p = programme();
        p.maxDiplomaLevel = DiplomaLevel.BAC;
        Optional<MatchRules.Fit> fit = MatchRules.evaluate(p, VILLEURBANNE_17_LEFT);
        assertFalse(codes(fit).contains("DIPLOMA_WITHIN_CAP"));
        assertTrue(fit.orElseThrow().unknowns().contains(MatchRules.Unknown.DIPLOMA));
    }

    @Test
    void aVerifiedFitFarAwayRanksAboveACloseProgrammeWithAnUnknownCriterion() {
        Programme verifiedAcademie = programme();
        verifiedAcademie.serviceDepartements = List.of();
        verifiedAcademie.serviceAcademies = List.of("LYON");
        verifiedAcademie.minAge = 16;
        verifiedAcademie.schoolingStatuses = List.of("LEFT_SCHOOL");
        Programme unknownAgeCommune = programme();
        unknownAgeCommune.serviceCommunes = List.of("69266");
        unknownAgeCommune.schoolingStatuses = List.of("LEFT_SCHOOL");
        Programme twoUnknownsCommune = programme();
        twoUnknownsCommune.serviceCommunes = List.of("69266");
        MatchRules.Fit verified = MatchRules.evaluate(verifiedAcademie, VILLEURBANNE_17_LEFT).orElseThrow();
        MatchRules.Fit oneUnknown = MatchRules.evaluate(unknownAgeCommune, VILLEURBANNE_17_LEFT).orElseThrow();
        MatchRules.Fit twoUnknowns = MatchRules.evaluate(twoUnknownsCommune, VILLEURBANNE_17_LEFT).orElseThrow();
        List<MatchRules.Fit> ranked = new java.util.ArrayList<>(List.of(twoUnknowns, oneUnknown, verified));
        ranked.sort(MatchRules.BEST_FIRST);
        assertEquals(List.of(verified, oneUnknown, twoUnknowns), ranked);
        Programme verifiedCommune = programme();
        verifiedCommune.serviceCommunes = List.of("69266");
        verifiedCommune.minAge = 16;
        verifiedCommune.schoolingStatuses = List.of("LEFT_SCHOOL");
        MatchRules.Fit close = MatchRules.evaluate(verifiedCommune, VILLEURBANNE_17_LEFT).orElseThrow();
        ranked.add(close);
        ranked.sort(MatchRules.BEST_FIRST);
        assertEquals(close, ranked.get(0), "between verified fits, the closest territory first");
    }

    private static List<String> mismatches(Programme p, MatchRules.Situation s) {
        return MatchRules.check(p, s).mismatches().stream().map(CodeLabel::code).toList();
    }

    /** Each criterion that excludes from match names itself as a mismatch: the same rule, one answer per criterion. */
    @Test
    void eachExcludingCriterionIsOneMismatchAndMatchExcludesExactlyWhenThereIsOne() {
        MatchRules.Situation bachelier = new MatchRules.Situation(17, "NONE", "LEFT_SCHOOL", "69266", "69", "LYON", false,
                DiplomaLevel.BAC);
        record Case(String code, java.util.function.Consumer<Programme> restrict) {
        }
        List<Case> cases = List.of(
                new Case("NO_SERVICE_AREA", p -> p.serviceDepartements = List.of()),
                new Case("OUTSIDE_SERVICE_AREA", p -> p.serviceDepartements = List.of("42")),
                new Case("AUDIENCE_NOT_SERVED", p -> p.audiences = List.of("PARENT")),
                new Case("AGE_BELOW_MINIMUM", p -> p.minAge = 18),
                new Case("AGE_ABOVE_MAXIMUM", p -> p.maxAge = 16),
                new Case("SCHOOL_LEVEL", p -> p.schoolLevels = List.of("TROISIEME")),
                new Case("SCHOOLING_STATUS", p -> p.schoolingStatuses = List.of("ENROLLED")),
                new Case("QPV_RESIDENCE", p -> p.qpvResidenceRequired = true),
                new Case("DIPLOMA_ABOVE_CAP", p -> p.maxDiplomaLevel = DiplomaLevel.CAP_BEP),
                new Case("REQUIREMENT_NOT_MET", p -> p.requirements = List.of(Requirement.GIRLS_ONLY.name())),
                new Case("MONTHS_OUT_OF_SCHOOL", p -> p.maxMonthsOutOfSchool = 6));
        MatchRules.Situation eightMonthsOut = new MatchRules.Situation(17, "NONE", "LEFT_SCHOOL", "69266", "69", "LYON", false,
                DiplomaLevel.BAC, Gender.MALE, false, false, 8, Set.of());
        for (Case c : cases) {
            Programme p = programme();
            c.restrict().accept(p);
            MatchRules.Situation s = c.code().equals("MONTHS_OUT_OF_SCHOOL") ? eightMonthsOut : bachelier;
            assertEquals(List.of(c.code()), mismatches(p, s), c.code());
            assertFalse(MatchRules.check(p, s).fits(), c.code());
            assertTrue(MatchRules.evaluate(p, s).isEmpty(), c.code() + " also excludes from match");
        }
        Programme all = programme();
        cases.forEach(c -> c.restrict().accept(all));
        // The area ends as another département's, the age is below the minimum first, and the months are not declared.
        assertEquals(cases.stream().map(Case::code).filter(code -> !List.of("NO_SERVICE_AREA", "AGE_ABOVE_MAXIMUM",
                "MONTHS_OUT_OF_SCHOOL").contains(code)).toList(), mismatches(all, bachelier), "all listed, in rule order");
        Programme open = programme();
        assertTrue(MatchRules.check(open, bachelier).fits());
        assertTrue(MatchRules.evaluate(open, bachelier).isPresent());
    }

    @Test
    void aClosedProgrammeIsCheckedButNeverMatched() {
        Programme p = programme();
        p.placesAvailable = 0;
        assertTrue(MatchRules.check(p, VILLEURBANNE_17_LEFT).fits());
        assertTrue(MatchRules.evaluate(p, VILLEURBANNE_17_LEFT).isEmpty());
    }
}
