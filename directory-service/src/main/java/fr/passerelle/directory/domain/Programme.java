package fr.passerelle.directory.domain;

import fr.passerelle.common.codes.AdmissionMode;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A programme ("dispositif") run by an organisation, with who it can take and where. */
@Entity
public class Programme extends DirectoryRecord {
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "organisation_id")
    public Organisation organisation;
    public String name;
    public String description;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> categories = new ArrayList<>();
    @Column(name = "min_age")
    public Short minAge;
    @Column(name = "max_age")
    public Short maxAge;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "school_levels")
    public List<String> schoolLevels = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "schooling_statuses")
    public List<String> schoolingStatuses = new ArrayList<>();
    @Enumerated(EnumType.STRING)
    @Column(name = "max_diploma_level")
    public DiplomaLevel maxDiplomaLevel;
    /** Who it serves (Audience codes); empty when no document says. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> audiences = new ArrayList<>();
    /** Conditions a young person must meet (Requirement codes). */
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> requirements = new ArrayList<>();
    /** Upper age for a young person with a recognised disability, when above maxAge (service civique: 30). */
    @Column(name = "max_age_with_disability")
    public Short maxAgeWithDisability;
    @Column(name = "min_months_out_of_school")
    public Short minMonthsOutOfSchool;
    @Column(name = "max_months_out_of_school")
    public Short maxMonthsOutOfSchool;
    @Column(name = "qpv_residence_required")
    public boolean qpvResidenceRequired;
    @Enumerated(EnumType.STRING)
    @Column(name = "admission_mode")
    public AdmissionMode admissionMode;
    @Enumerated(EnumType.STRING)
    public Intake intake;
    @Column(name = "duration_weeks")
    public Short durationWeeks;
    @Column(name = "duration_text")
    public String durationText;
    @Column(name = "capacity_per_cohort")
    public Integer capacityPerCohort;
    @Column(name = "places_available")
    public Integer placesAvailable;
    public Boolean free;
    public Boolean stipend;
    public String schedule;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "service_communes")
    public List<String> serviceCommunes = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "service_departements")
    public List<String> serviceDepartements = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "service_academies")
    public List<String> serviceAcademies = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "area_departements")
    public List<String> areaDepartements = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Contact> contacts = new ArrayList<>();
    @Enumerated(EnumType.STRING)
    public RecordStatus status;
    @Column(name = "closed_on")
    public LocalDate closedOn;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "inferred_fields")
    public List<String> inferredFields = new ArrayList<>();
    /** Date of the source document the facts were read in; null when undated or typed by an editor. */
    @Column(name = "source_date")
    public LocalDate sourceDate;
    /** Date a person last confirmed the facts; null when nobody has. */
    @Column(name = "last_verified")
    public LocalDate lastVerified;
    @Column(name = "search_text")
    public String searchText = "";

    /** Open: active, not archived, run by an organisation still operating, places unknown or left. */
    public boolean open() {
        return !archived() && status == RecordStatus.ACTIVE
                && organisation.status == RecordStatus.ACTIVE && !organisation.archived()
                && (placesAvailable == null || placesAvailable > 0);
    }

    public ServiceArea serviceArea() {
        return new ServiceArea(serviceCommunes, serviceDepartements, serviceAcademies);
    }
}
