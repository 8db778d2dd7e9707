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

    public static Optional<Fit> evaluate(Programme p, Situation s) {
        if (!p.open()) {
            return Optional.empty();
        }
        List<CodeLabel> reasons = new ArrayList<>();
        List<Unknown> unknowns = new ArrayList<>();
        int fit;
        if (p.serviceCommunes.contains(s.communeCode())) {
            fit = 3;
            reasons.add(Reason.COMMUNE_SERVED.codeLabel());
        } else if (p.serviceDepartements.contains(s.departementCode())) {
            fit = 2;
            reasons.add(Reason.DEPARTEMENT_SERVED.codeLabel());
        } else if (p.serviceAcademies.contains(s.academieCode())) {
            fit = 1;
            reasons.add(Reason.ACADEMIE_SERVED.codeLabel());
        } else {
            return Optional.empty();
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
            return Optional.empty();
        }
        if (p.minAge == null && p.maxAge == null) {
            unknowns.add(Unknown.AGE);
        } else if (p.minAge != null && s.age() < p.minAge) {
            return Optional.empty();
        } else if (p.maxAge != null && s.age() > p.maxAge) {
            if (p.maxAgeWithDisability == null || s.age() > p.maxAgeWithDisability
                    || !Boolean.TRUE.equals(s.hasDisabilityRecognition())) {
                return Optional.empty();
            }
            reasons.add(Reason.AGE_IN_RANGE_WITH_DISABILITY.codeLabel());
        } else {
            reasons.add(Reason.AGE_IN_RANGE.codeLabel());
        }
        if (!p.schoolLevels.isEmpty()) {
            if (!p.schoolLevels.contains(s.schoolLevel())) {
                return Optional.empty();
            }
            reasons.add(Reason.SCHOOL_LEVEL_ACCEPTED.codeLabel());
        } else if (!List.of("LEFT_SCHOOL").equals(p.schoolingStatuses)) {
            // A programme only for young people out of school needs no school level.
            unknowns.add(Unknown.SCHOOL_LEVEL);
        }
        if (!p.schoolingStatuses.isEmpty()) {
            if (!p.schoolingStatuses.contains(s.schoolingStatus())) {
                return Optional.empty();
            }
            reasons.add(Reason.SCHOOLING_STATUS_ACCEPTED.codeLabel());
        } else {
            unknowns.add(Unknown.SCHOOLING_STATUS);
        }
        if (p.qpvResidenceRequired) {
            if (!Boolean.TRUE.equals(s.livesInQpv())) {
                return Optional.empty();
            }
            reasons.add(Reason.QPV_RESIDENT.codeLabel());
        }
        if (p.maxDiplomaLevel != null) {
            if (s.highestDiploma() == null) {
                unknowns.add(Unknown.DIPLOMA);
            } else if (s.highestDiploma().ordinal() > p.maxDiplomaLevel.ordinal()) {
                return Optional.empty();
            } else {
                reasons.add(Reason.DIPLOMA_WITHIN_CAP.codeLabel());
            }
        }
        for (String code : p.requirements) {
            Requirement r = Requirement.valueOf(code);
            if (!s.meets(r)) {
                return Optional.empty();
            }
            reasons.add(new CodeLabel(Reason.REQUIREMENT_MET.name(), Reason.REQUIREMENT_MET.label() + " : " + r.label()));
        }
        if (p.minMonthsOutOfSchool != null || p.maxMonthsOutOfSchool != null) {
            Integer months = s.monthsOutOfSchool();
            if (months == null) {
                unknowns.add(Unknown.MONTHS_OUT_OF_SCHOOL);
            } else if (p.minMonthsOutOfSchool != null && months < p.minMonthsOutOfSchool
                    || p.maxMonthsOutOfSchool != null && months > p.maxMonthsOutOfSchool) {
                return Optional.empty();
            } else {
                reasons.add(Reason.MONTHS_OUT_OF_SCHOOL_IN_RANGE.codeLabel());
            }
        }
        unknowns.forEach(u -> reasons.add(u.reason()));
        reasons.add(p.placesAvailable == null ? Reason.PLACES_UNKNOWN.codeLabel() : Reason.PLACES_AVAILABLE.codeLabel());
        return Optional.of(new Fit(fit, List.copyOf(reasons), List.copyOf(unknowns)));
    }

    /** Every reason code, for the code lists. */
    public static List<CodeLabel> reasonCodes() {
        List<CodeLabel> all = new ArrayList<>(CodeLabel.all(Reason.class));
        all.add(new CodeLabel(NOT_STATED, "Critère non renseigné dans l'annuaire"));
        all.add(new CodeLabel(NOT_DECLARED, "Condition du dispositif non déclarée pour ce jeune"));
        return all;
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
