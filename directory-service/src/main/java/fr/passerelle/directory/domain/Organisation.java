package fr.passerelle.directory.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A partner body: association, Éducation nationale service, school, Mission Locale… */
@Entity
public class Organisation extends DirectoryRecord {
    public String name;
    @Enumerated(EnumType.STRING)
    public OrganisationKind kind;
    @Enumerated(EnumType.STRING)
    public RecordStatus status;
    @Column(name = "closed_on")
    public LocalDate closedOn;
    public String uai;
    public String description;
    public String website;
    public String street;
    @Column(name = "postal_code")
    public String postalCode;
    @Column(name = "commune_code")
    public String communeCode;
    public String city;
    @Column(name = "departement_code")
    public String departementCode;
    @Column(name = "academie_code")
    public String academieCode;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Contact> contacts = new ArrayList<>();
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
}
