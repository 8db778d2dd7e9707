package fr.passerelle.referral.domain;

import fr.passerelle.common.codes.SchoolingStatus;
import fr.passerelle.common.codes.SchoolLevel;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One young person's case. Identity is kept to the minimum; {@code schoolUai} never changes (a pupil
 * who changes school gets a new case). Identity columns are nulled by retention.
 */
@Entity
@Table(name = "pupil_case")
public class PupilCase extends PanacheEntityBase {

    @Id
    public UUID id;
    @Version
    public long version;
    @Enumerated(EnumType.STRING)
    public CaseStatus status;

    @Column(name = "first_name")
    public String firstName;
    @Column(name = "last_name")
    public String lastName;
    /** {@link PersonName#key} of each name: what the duplicate rule and searches compare. */
    @Column(name = "first_name_key")
    public String firstNameKey;
    @Column(name = "last_name_key")
    public String lastNameKey;
    @Column(name = "birth_date")
    public LocalDate birthDate;
    public String ine;
    @Column(name = "school_uai")
    public String schoolUai;
    @Enumerated(EnumType.STRING)
    @Column(name = "school_level")
    public SchoolLevel schoolLevel;
    @Enumerated(EnumType.STRING)
    @Column(name = "schooling_status")
    public SchoolingStatus schoolingStatus;
    @Column(name = "home_commune_code")
    public String homeCommuneCode;
    @Column(name = "lives_in_qpv")
    public Boolean livesInQpv;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Guardian> guardians;

    @Enumerated(EnumType.STRING)
    @Column(name = "consent_given_by")
    public ConsentGiver consentGivenBy;
    @Column(name = "consent_given_at")
    public LocalDate consentGivenAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "consent_purpose")
    public ConsentPurpose consentPurpose;
    @Column(name = "consent_withdrawn_at")
    public Instant consentWithdrawnAt;

    @Column(name = "origin_uai")
    public String originUai;
    @Column(name = "origin_platform")
    public UUID originPlatform;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "closed_at")
    public Instant closedAt;
    @Column(name = "close_reason")
    public String closeReason;
    @Column(name = "anonymised_at")
    public Instant anonymisedAt;
    /** The case this one was merged into (then closed with reason MERGED and no longer listed or read). */
    @Column(name = "merged_into")
    public UUID mergedInto;

    /** Names as given: stored cleaned ({@link PersonName#clean}), with their comparison keys. */
    public void name(String first, String last) {
        firstName = PersonName.clean(first);
        lastName = PersonName.clean(last);
        firstNameKey = PersonName.key(firstName);
        lastNameKey = PersonName.key(lastName);
    }

    public boolean open() {
        return status == CaseStatus.OPEN;
    }

    /** Age in whole years on a given day. */
    public static int age(LocalDate birthDate, LocalDate on) {
        return java.time.Period.between(birthDate, on).getYears();
    }
}
