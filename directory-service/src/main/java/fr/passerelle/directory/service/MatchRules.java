package fr.passerelle.directory.service;

import fr.passerelle.common.codes.CodeLabel;
import fr.passerelle.directory.domain.Audience;
import fr.passerelle.directory.domain.DiplomaLevel;
import fr.passerelle.directory.domain.Gender;
import fr.passerelle.directory.domain.Programme;
import fr.passerelle.directory.domain.Requirement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether one open programme can take a young person, and says why: the single source
 * of truth for matching (the repository only narrows the candidates). What the directory does not
 * know is never a fit: each unknown criterion gives a NOT_STATED reason and counts against the rank.
 */
public final class MatchRules {

    public static final String NOT_STATED = "NOT_STATED";
    public static final String NOT_DECLARED = "NOT_DECLARED";

    /**
     * The young person's situation, already resolved to codes. The optional fields (null: not said) only serve
     * this evaluation and are never stored.
     */
    public record Situation(int age, String schoolLevel, String schoolingStatus, String communeCode,
                            String departementCode, String academieCode, Boolean livesInQpv,
                            DiplomaLevel highestDiploma, Gender gender, Boolean underCourtOrder,
                            Boolean hasDisabilityRecognition, Integer monthsOutOfSchool, Set<Requirement> requirementsMet) {

        public Situation(int age, String schoolLevel, String schoolingStatus, String communeCode, String departementCode,
                         String academieCode, Boolean livesInQpv, DiplomaLevel highestDiploma) {
            this(age, schoolLevel, schoolingStatus, communeCode, departementCode, academieCode, livesInQpv, highestDiploma,
                    null, null, null, null, Set.of());
        }

        boolean meets(Requirement r) {
            return switch (r) {
                case GIRLS_ONLY -> gender == Gender.FEMALE;
                case COURT_DECISION -> Boolean.TRUE.equals(underCourtOrder);
                default -> requirementsMet != null && requirementsMet.contains(r);
            };
        }
    }

    /** The criteria a programme may leave unknown (or a condition the young person may not have declared). */
    public enum Unknown {
        AUDIENCE("Public visé non renseigné"),
        AGE("Âge accueilli non renseigné"),
        SCHOOL_LEVEL("Niveau scolaire accueilli non renseigné"),
        SCHOOLING_STATUS("Situation scolaire accueillie non renseignée"),
        MONTHS_OUT_OF_SCHOOL("Durée depuis la sortie de l'école non déclarée : condition à vérifier"),
        DIPLOMA("Diplôme le plus élevé non déclaré : plafond de diplôme à vérifier");

        private final String label;

        Unknown(String label) {
            this.label = label;
        }

        CodeLabel reason() {
            return new CodeLabel(this == MONTHS_OUT_OF_SCHOOL || this == DIPLOMA ? NOT_DECLARED : NOT_STATED, label);
        }
    }

    /**
     * The whole answer for one programme: territory fit (0 when outside), reasons for what fits, unknown criteria,
     * and the criteria not met (empty: the young person fits).
     */
    public record Verdict(int territoryFit, List<CodeLabel> reasons, List<Unknown> unknowns, List<CodeLabel> mismatches) {

        public boolean fits() {
            return mismatches.isEmpty();
        }
    }

    /** How well a programme fits: territory (3 commune, 2 département, 1 académie), reasons, and what is unknown. */
    public record Fit(int territoryFit, List<CodeLabel> reasons, List<Unknown> unknowns) {
    }

    /**
     * Best fit first: fewest unknown criteria, then the closest territory. A programme with an unknown criterion
     * never ranks above a verified fit, whatever its territory (ties are broken by the caller: places, then name).
     */
    public static final Comparator<Fit> BEST_FIRST = Comparator.<Fit>comparingInt(f -> f.unknowns().size())
            .thenComparing(Comparator.comparingInt(Fit::territoryFit).reversed());

    private MatchRules() {
    }

    /**
     * Whether the young person fits the programme's criteria, and why not: every criterion is checked (none stops
     * the others), so a mismatch lists all the rules not met. Openness (status, places) is not a criterion here.
     */
    public static Verdict check(Programme p, Situation s) {
        List<CodeLabel> reasons = new ArrayList<>();
        List<Unknown> unknowns = new ArrayList<>();
        List<CodeLabel> mismatches = new ArrayList<>();
        int fit = 0;
        if (p.serviceCommunes.contains(s.communeCode())) {
            fit = 3;
            reasons.add(Reason.COMMUNE_SERVED.codeLabel());
        } else if (p.serviceDepartements.contains(s.departementCode())) {
            fit = 2;
            reasons.add(Reason.DEPARTEMENT_SERVED.codeLabel());
        } else if (p.serviceAcademies.contains(s.academieCode())) {
            fit = 1;
            reasons.add(Reason.ACADEMIE_SERVED.codeLabel());
        } else if (p.serviceCommunes.isEmpty() && p.serviceDepartements.isEmpty() && p.serviceAcademies.isEmpty()) {
            // A programme that states no area serves nobody for sure: never a fit, never matched.
            mismatches.add(Mismatch.NO_SERVICE_AREA.codeLabel());
        } else {
            mismatches.add(Mismatch.OUTSIDE_SERVICE_AREA.codeLabel());
        }
        // Audience: a programme for parents or professionals only is never offered for a young person; one for
        // higher-education students only when the young person holds the baccalauréat.
        if (p.audiences.isEmpty()) {
            unknowns.add(Unknown.AUDIENCE);
        } else if (p.audiences.contains(Audience.YOUNG_PERSON.name())) {
            reasons.add(Reason.AUDIENCE_YOUNG_PERSON.codeLabel());
        } else if (p.audiences.contains(Audience.STUDENT.name()) && s.highestDiploma() != null
                && s.highestDiploma().compareTo(DiplomaLevel.BAC) >= 0) {
            reasons.add(Reason.AUDIENCE_STUDENT.codeLabel());
        } else {
            mismatches.add(Mismatch.AUDIENCE_NOT_SERVED.codeLabel());
        }
        if (p.minAge == null && p.maxAge == null) {
            unknowns.add(Unknown.AGE);
        } else if (p.minAge != null && s.age() < p.minAge) {
            mismatches.add(Mismatch.AGE_BELOW_MINIMUM.codeLabel());
        } else if (p.maxAge != null && s.age() > p.maxAge) {
            if (p.maxAgeWithDisability == null || s.age() > p.maxAgeWithDisability
                    || !Boolean.TRUE.equals(s.hasDisabilityRecognition())) {
                mismatches.add(Mismatch.AGE_ABOVE_MAXIMUM.codeLabel());
            } else {
                reasons.add(Reason.AGE_IN_RANGE_WITH_DISABILITY.codeLabel());
            }
        } else {
            reasons.add(Reason.AGE_IN_RANGE.codeLabel());
        }
        if (!p.schoolLevels.isEmpty()) {
            if (p.schoolLevels.contains(s.schoolLevel())) {
                reasons.add(Reason.SCHOOL_LEVEL_ACCEPTED.codeLabel());
            } else {
                mismatches.add(Mismatch.SCHOOL_LEVEL.codeLabel());
            }
        } else if (!List.of("LEFT_SCHOOL").equals(p.schoolingStatuses)) {
            // A programme only for young people out of school needs no school level.
            unknowns.add(Unknown.SCHOOL_LEVEL);
        }
        if (!p.schoolingStatuses.isEmpty()) {
            if (p.schoolingStatuses.contains(s.schoolingStatus())) {
                reasons.add(Reason.SCHOOLING_STATUS_ACCEPTED.codeLabel());
            } else {
                mismatches.add(Mismatch.SCHOOLING_STATUS.codeLabel());
            }
        } else {
            unknowns.add(Unknown.SCHOOLING_STATUS);
        }
        if (p.qpvResidenceRequired) {
            if (Boolean.TRUE.equals(s.livesInQpv())) {
                reasons.add(Reason.QPV_RESIDENT.codeLabel());
            } else {
                mismatches.add(Mismatch.QPV_RESIDENCE.codeLabel());
            }
        }
        if (p.maxDiplomaLevel != null) {
            if (s.highestDiploma() == null) {
                unknowns.add(Unknown.DIPLOMA);
            } else if (s.highestDiploma().ordinal() > p.maxDiplomaLevel.ordinal()) {
                mismatches.add(Mismatch.DIPLOMA_ABOVE_CAP.codeLabel());
            } else {
                reasons.add(Reason.DIPLOMA_WITHIN_CAP.codeLabel());
            }
        }
        for (String code : p.requirements) {
            Requirement r = Requirement.valueOf(code);
            if (s.meets(r)) {
                reasons.add(new CodeLabel(Reason.REQUIREMENT_MET.name(), Reason.REQUIREMENT_MET.label() + " : " + r.label()));
            } else {
                mismatches.add(new CodeLabel(Mismatch.REQUIREMENT_NOT_MET.name(),
                        Mismatch.REQUIREMENT_NOT_MET.label() + " : " + r.label()));
            }
        }
        if (p.minMonthsOutOfSchool != null || p.maxMonthsOutOfSchool != null) {
            Integer months = s.monthsOutOfSchool();
            if (months == null) {
                unknowns.add(Unknown.MONTHS_OUT_OF_SCHOOL);
            } else if (p.minMonthsOutOfSchool != null && months < p.minMonthsOutOfSchool
                    || p.maxMonthsOutOfSchool != null && months > p.maxMonthsOutOfSchool) {
                mismatches.add(Mismatch.MONTHS_OUT_OF_SCHOOL.codeLabel());
            } else {
                reasons.add(Reason.MONTHS_OUT_OF_SCHOOL_IN_RANGE.codeLabel());
            }
        }
        unknowns.forEach(u -> reasons.add(u.reason()));
        reasons.add(p.placesAvailable == null ? Reason.PLACES_UNKNOWN.codeLabel() : Reason.PLACES_AVAILABLE.codeLabel());
        return new Verdict(fit, List.copyOf(reasons), List.copyOf(unknowns), List.copyOf(mismatches));
    }

    /** An open programme that fits, for matching; empty when the programme is closed or any criterion excludes. */
    public static Optional<Fit> evaluate(Programme p, Situation s) {
        if (!p.open()) {
            return Optional.empty();
        }
        Verdict v = check(p, s);
        return v.fits() ? Optional.of(new Fit(v.territoryFit(), v.reasons(), v.unknowns())) : Optional.empty();
    }

    /** Every reason code, for the code lists. */
    public static List<CodeLabel> reasonCodes() {
        List<CodeLabel> all = new ArrayList<>(CodeLabel.all(Reason.class));
        all.add(new CodeLabel(NOT_STATED, "Critère non renseigné dans l'annuaire"));
        all.add(new CodeLabel(NOT_DECLARED, "Condition du dispositif non déclarée pour ce jeune"));
        return all;
    }

    /**
     * Why a young person does not fit. The codes are the ones referral-service has stored on overridden referrals
     * since before the directory owned this rule: keep them stable.
     */
    public enum Mismatch implements fr.passerelle.common.codes.Labelled {
        NO_SERVICE_AREA("Aucune zone desservie n'est renseignée pour ce dispositif"),
        OUTSIDE_SERVICE_AREA("La commune de résidence est hors de la zone desservie"),
        AUDIENCE_NOT_SERVED("Le dispositif ne s'adresse pas à ce public"),
        AGE_BELOW_MINIMUM("Plus jeune que l'âge minimum accueilli"),
        AGE_ABOVE_MAXIMUM("Plus âgé que l'âge maximum accueilli"),
        SCHOOL_LEVEL("Niveau scolaire non accueilli"),
        SCHOOLING_STATUS("Situation scolaire non accueillie"),
        QPV_RESIDENCE("Résidence en quartier prioritaire (QPV) exigée"),
        DIPLOMA_ABOVE_CAP("Diplôme au-dessus du plafond du dispositif"),
        REQUIREMENT_NOT_MET("Condition du dispositif non remplie"),
        MONTHS_OUT_OF_SCHOOL("Durée depuis la sortie de l'école hors des limites du dispositif");

        private final String label;

        Mismatch(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }
    }

    /** Why a programme was matched (NOT_STATED and NOT_DECLARED reasons come from {@link Unknown}). */
    public enum Reason implements fr.passerelle.common.codes.Labelled {
        COMMUNE_SERVED("La commune de résidence est desservie"),
        DEPARTEMENT_SERVED("Le département de résidence est desservi"),
        ACADEMIE_SERVED("L'académie de résidence est desservie"),
        AUDIENCE_YOUNG_PERSON("Le dispositif s'adresse aux jeunes"),
        AUDIENCE_STUDENT("Dispositif pour étudiants : baccalauréat obtenu"),
        AGE_IN_RANGE("L'âge correspond au public accueilli"),
        AGE_IN_RANGE_WITH_DISABILITY("L'âge correspond, avec la limite élargie pour une reconnaissance de handicap"),
        SCHOOL_LEVEL_ACCEPTED("Le niveau scolaire est accepté"),
        SCHOOLING_STATUS_ACCEPTED("La situation scolaire est acceptée"),
        QPV_RESIDENT("Résidence en quartier prioritaire (QPV)"),
        DIPLOMA_WITHIN_CAP("Le niveau de diplôme ne dépasse pas le plafond"),
        REQUIREMENT_MET("Condition déclarée remplie"),
        MONTHS_OUT_OF_SCHOOL_IN_RANGE("La durée depuis la sortie de l'école correspond"),
        PLACES_AVAILABLE("Des places sont disponibles"),
        PLACES_UNKNOWN("Places disponibles non renseignées");

        private final String label;

        Reason(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }
    }
}
