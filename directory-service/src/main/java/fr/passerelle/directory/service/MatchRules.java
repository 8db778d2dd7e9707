package fr.passerelle.directory.service;

import fr.passerelle.common.codes.CodeLabel;
import fr.passerelle.directory.domain.DiplomaLevel;
import fr.passerelle.directory.domain.Programme;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether one open programme can take a young person, and says why: the single source
 * of truth for matching (the repository only narrows the candidates).
 */
public final class MatchRules {

    /** The young person's situation, already resolved to codes. */
    public record Situation(int age, String schoolLevel, String schoolingStatus, String communeCode,
                            String departementCode, String academieCode, Boolean livesInQpv,
                            DiplomaLevel highestDiploma) {
    }

    public record Fit(int territoryFit, List<CodeLabel> reasons) {
    }

    private MatchRules() {
    }

    public static Optional<Fit> evaluate(Programme p, Situation s) {
        if (!p.open()) {
            return Optional.empty();
        }
        List<CodeLabel> reasons = new ArrayList<>();
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
        if (p.minAge != null && s.age() < p.minAge || p.maxAge != null && s.age() > p.maxAge) {
            return Optional.empty();
        }
        if (p.minAge != null || p.maxAge != null) {
            reasons.add(Reason.AGE_IN_RANGE.codeLabel());
        }
        if (!p.schoolLevels.isEmpty()) {
            if (!p.schoolLevels.contains(s.schoolLevel())) {
                return Optional.empty();
            }
            reasons.add(Reason.SCHOOL_LEVEL_ACCEPTED.codeLabel());
        }
        if (!p.schoolingStatuses.isEmpty()) {
            if (!p.schoolingStatuses.contains(s.schoolingStatus())) {
                return Optional.empty();
            }
            reasons.add(Reason.SCHOOLING_STATUS_ACCEPTED.codeLabel());
        }
        if (p.qpvResidenceRequired) {
            if (!Boolean.TRUE.equals(s.livesInQpv())) {
                return Optional.empty();
            }
            reasons.add(Reason.QPV_RESIDENT.codeLabel());
        }
        if (p.maxDiplomaLevel != null && s.highestDiploma() != null) {
            if (s.highestDiploma().ordinal() > p.maxDiplomaLevel.ordinal()) {
                return Optional.empty();
            }
            reasons.add(Reason.DIPLOMA_WITHIN_CAP.codeLabel());
        }
        reasons.add(p.placesAvailable == null ? Reason.PLACES_UNKNOWN.codeLabel() : Reason.PLACES_AVAILABLE.codeLabel());
        return Optional.of(new Fit(fit, List.copyOf(reasons)));
    }

    /** Why a programme was matched. */
    public enum Reason implements fr.passerelle.common.codes.Labelled {
        COMMUNE_SERVED("La commune de résidence est desservie"),
        DEPARTEMENT_SERVED("Le département de résidence est desservi"),
        ACADEMIE_SERVED("L'académie de résidence est desservie"),
        AGE_IN_RANGE("L'âge correspond au public accueilli"),
        SCHOOL_LEVEL_ACCEPTED("Le niveau scolaire est accepté"),
        SCHOOLING_STATUS_ACCEPTED("La situation scolaire est acceptée"),
        QPV_RESIDENT("Résidence en quartier prioritaire (QPV)"),
        DIPLOMA_WITHIN_CAP("Le niveau de diplôme ne dépasse pas le plafond"),
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
