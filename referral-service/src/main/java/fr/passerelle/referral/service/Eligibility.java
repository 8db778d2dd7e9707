package fr.passerelle.referral.service;

import fr.passerelle.common.problem.Violation;
import fr.passerelle.referral.client.DirectoryCommune;
import fr.passerelle.referral.client.DirectoryPlatform;
import fr.passerelle.referral.client.DirectoryProgramme;
import fr.passerelle.referral.domain.PupilCase;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

/** Whether a young person fits a programme's eligibility and area, as the directory states them. */
public final class Eligibility {

    private Eligibility() {
    }

    public static int age(LocalDate birthDate, LocalDate today) {
        return Period.between(birthDate, today).getYears();
    }

    /** The rules the case does not fit, as violations on {@code field} (empty when eligible). */
    public static List<Violation> programme(PupilCase c, DirectoryProgramme p, DirectoryCommune commune, LocalDate today,
                                            String field) {
        List<Violation> out = new ArrayList<>();
        DirectoryProgramme.Eligibility e = p.eligibility();
        if (e != null) {
            if (c.birthDate != null) {
                int age = age(c.birthDate, today);
                if (e.minAge() != null && age < e.minAge()) {
                    out.add(new Violation(field, "the young person (" + age + ") is younger than the programme's minimum age "
                            + e.minAge(), "AGE_BELOW_MINIMUM"));
                }
                if (e.maxAge() != null && age > e.maxAge()) {
                    out.add(new Violation(field, "the young person (" + age + ") is older than the programme's maximum age "
                            + e.maxAge(), "AGE_ABOVE_MAXIMUM"));
                }
            }
            if (nonEmpty(e.schoolLevels()) && c.schoolLevel != null && !e.schoolLevels().contains(c.schoolLevel.name())) {
                out.add(new Violation(field, "the programme does not take pupils of level " + c.schoolLevel, "SCHOOL_LEVEL"));
            }
            if (nonEmpty(e.schoolingStatuses()) && c.schoolingStatus != null
                    && !e.schoolingStatuses().contains(c.schoolingStatus.name())) {
                out.add(new Violation(field, "the programme does not take young people " + c.schoolingStatus, "SCHOOLING_STATUS"));
            }
            if (Boolean.TRUE.equals(e.qpvResidenceRequired()) && !Boolean.TRUE.equals(c.livesInQpv)) {
                out.add(new Violation(field, "the programme requires residence in a priority neighbourhood (QPV)", "QPV_RESIDENCE"));
            }
        }
        DirectoryProgramme.Area area = p.serviceArea();
        if (area != null && commune != null && (nonEmpty(area.communes()) || nonEmpty(area.departements()) || nonEmpty(area.academies()))) {
            boolean inside = (area.communes() != null && area.communes().contains(commune.code()))
                    || (area.departements() != null && area.departements().contains(commune.departementCode()))
                    || (area.academies() != null && area.academies().contains(commune.academieCode()));
            if (!inside) {
                out.add(new Violation(field, "the home commune is outside the programme's service area", "OUTSIDE_SERVICE_AREA"));
            }
        }
        return out;
    }

    public static List<Violation> platform(DirectoryPlatform platform, DirectoryCommune commune, String field) {
        if (commune != null && !platform.covers(commune)) {
            return List.of(new Violation(field, "the home commune is outside the platform's territory", "OUTSIDE_TERRITORY"));
        }
        return List.of();
    }

    private static boolean nonEmpty(List<?> list) {
        return list != null && !list.isEmpty();
    }
}
