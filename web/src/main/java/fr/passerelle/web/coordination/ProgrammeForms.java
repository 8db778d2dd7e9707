package fr.passerelle.web.coordination;

import fr.passerelle.web.view.FormReader;
import fr.passerelle.client.model.AdmissionMode;
import fr.passerelle.client.model.Audience;
import fr.passerelle.client.model.DiplomaLevel;
import fr.passerelle.client.model.Eligibility;
import fr.passerelle.client.model.EligibilityView;
import fr.passerelle.client.model.Intake;
import fr.passerelle.client.model.Programme;
import fr.passerelle.client.model.ProgrammeCategory;
import fr.passerelle.client.model.ProgrammeInput;
import fr.passerelle.client.model.RecordStatus;
import fr.passerelle.client.model.Requirement;
import fr.passerelle.client.model.SchoolLevel;
import fr.passerelle.client.model.SchoolingStatus;
import fr.passerelle.client.model.ServiceArea;
import fr.passerelle.web.view.Form;
import jakarta.ws.rs.core.MultivaluedHashMap;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The programme editor's form ↔ the API's ProgrammeInput. Field names are the input's member paths
 * ({@code eligibility.minAge}, {@code serviceArea.departements}) so the API's violations land next to them. PUT
 * replaces every field: what the form does not show (contacts, académies, maximum diploma, QPV rule, audience,
 * requirements, disability age, months out of school) is carried
 * over from the version read, never blanked by an edit.
 */
public final class ProgrammeForms {

    private ProgrammeForms() {
    }

    /** The form filled with a programme as read. */
    public static Form of(Programme p) {
        MultivaluedHashMap<String, String> v = new MultivaluedHashMap<>();
        put(v, "name", p.getName());
        put(v, "organisationId", p.getOrganisationId());
        put(v, "description", p.getDescription());
        if (p.getCategories() != null) v.put("categories", new ArrayList<>(p.getCategories()));
        put(v, "admissionMode", p.getAdmissionMode());
        put(v, "intake", p.getIntake());
        put(v, "durationWeeks", p.getDurationWeeks());
        put(v, "durationText", p.getDurationText());
        put(v, "capacityPerCohort", p.getCapacityPerCohort());
        put(v, "placesAvailable", p.getPlacesAvailable());
        put(v, "free", yesNo(p.getFree()));
        put(v, "stipend", yesNo(p.getStipend()));
        put(v, "schedule", p.getSchedule());
        EligibilityView e = p.getEligibility();
        if (e != null) {
            put(v, "eligibility.minAge", e.getMinAge());
            put(v, "eligibility.maxAge", e.getMaxAge());
            if (e.getSchoolLevels() != null) v.put("eligibility.schoolLevels", new ArrayList<>(e.getSchoolLevels()));
            if (e.getSchoolingStatuses() != null) v.put("eligibility.schoolingStatuses", new ArrayList<>(e.getSchoolingStatuses()));
        }
        ServiceArea area = p.getServiceArea();
        if (area != null) {
            put(v, "serviceArea.departements", join(area.getDepartements()));
            put(v, "serviceArea.communes", join(area.getCommunes()));
        }
        put(v, "status", p.getStatus());
        put(v, "closedOn", p.getClosedOn());
        put(v, "lastVerified", p.getLastVerified());
        return Form.of(v);
    }

    /**
     * The input to send: the form's fields over the version read (null for a new programme).
     */
    public static Parsed<ProgrammeInput> input(Form form, Programme current) {
        FormReader r = new FormReader(form);
        ProgrammeInput in = new ProgrammeInput();
        in.setName(r.text("name"));
        in.setOrganisationId(r.uuid("organisationId", "Choisissez la structure qui porte le dispositif."));
        in.setDescription(r.text("description"));
        in.setCategories(r.codes("categories", ProgrammeCategory::fromValue));
        in.setAdmissionMode(r.code("admissionMode", AdmissionMode::fromValue));
        in.setIntake(r.code("intake", Intake::fromValue));
        in.setDurationWeeks(r.integer("durationWeeks"));
        in.setDurationText(r.text("durationText"));
        in.setCapacityPerCohort(r.integer("capacityPerCohort"));
        in.setPlacesAvailable(r.integer("placesAvailable"));
        in.setFree(r.yesNo("free"));
        in.setStipend(r.yesNo("stipend"));
        in.setSchedule(r.text("schedule"));

        Eligibility e = new Eligibility();
        e.setMinAge(r.integer("eligibility.minAge"));
        e.setMaxAge(r.integer("eligibility.maxAge"));
        e.setSchoolLevels(r.codes("eligibility.schoolLevels", SchoolLevel::fromValue));
        e.setSchoolingStatuses(r.codes("eligibility.schoolingStatuses", SchoolingStatus::fromValue));
        EligibilityView was = current == null ? null : current.getEligibility();
        if (was != null) {
            // Not on the form: kept as they were.
            e.setMaxDiplomaLevel(was.getMaxDiplomaLevel() == null ? null : Queries.code(was.getMaxDiplomaLevel(), DiplomaLevel::fromValue));
            e.setQpvResidenceRequired(was.getQpvResidenceRequired());
            e.setAudience(codes(was.getAudience(), Audience::fromValue));
            e.setRequirements(codes(was.getRequirements(), Requirement::fromValue));
            e.setMaxAgeWithDisability(was.getMaxAgeWithDisability());
            e.setMinMonthsOutOfSchool(was.getMinMonthsOutOfSchool());
            e.setMaxMonthsOutOfSchool(was.getMaxMonthsOutOfSchool());
        }
        in.setEligibility(e);

        ServiceArea area = new ServiceArea();
        area.setDepartements(r.list("serviceArea.departements"));
        area.setCommunes(r.list("serviceArea.communes"));
        ServiceArea wasArea = current == null ? null : current.getServiceArea();
        area.setAcademies(wasArea == null || wasArea.getAcademies() == null ? new ArrayList<>() : new ArrayList<>(wasArea.getAcademies()));
        in.setServiceArea(area);

        in.setContacts(current == null || current.getContacts() == null ? new ArrayList<>() : new ArrayList<>(current.getContacts()));
        in.setStatus(r.code("status", RecordStatus::fromValue));
        in.setClosedOn(r.date("closedOn"));
        in.setLastVerified(r.date("lastVerified"));
        return new Parsed<>(in, r.errors());
    }

    private static <T> Set<T> codes(List<String> values, Function<String, T> parse) {
        return values == null ? new LinkedHashSet<>() : values.stream().map(parse).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    static String yesNo(Boolean b) {
        return b == null ? "" : b ? "oui" : "non";
    }

    static String join(List<String> items) {
        return items == null ? "" : String.join(", ", new LinkedHashSet<>(items));
    }

    static void put(MultivaluedHashMap<String, String> v, String name, Object value) {
        if (value != null) {
            v.putSingle(name, value.toString());
        }
    }
}
