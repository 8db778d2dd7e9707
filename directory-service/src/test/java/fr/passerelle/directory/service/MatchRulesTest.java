package fr.passerelle.directory.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.common.codes.CodeLabel;
import fr.passerelle.directory.domain.DiplomaLevel;
import fr.passerelle.directory.domain.Organisation;
import fr.passerelle.directory.domain.Programme;
import fr.passerelle.directory.domain.RecordStatus;
import java.util.List;
import java.util.Optional;
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
        assertEquals(List.of("DEPARTEMENT_SERVED", "AGE_IN_RANGE", "SCHOOLING_STATUS_ACCEPTED", "PLACES_UNKNOWN"),
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
}
