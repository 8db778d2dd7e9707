package fr.passerelle.directory.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A PSAD platform: a territory, its co-animators (CIO + Mission Locale) and member organisations. */
@Entity
public class Platform extends DirectoryRecord {
    public String name;
    public String description;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "territory_communes")
    public List<String> territoryCommunes = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "territory_departements")
    public List<String> territoryDepartements = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "territory_academies")
    public List<String> territoryAcademies = new ArrayList<>();
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "platform_organisation", joinColumns = @JoinColumn(name = "platform_id"))
    public Set<Membership> memberships = new LinkedHashSet<>();

    public ServiceArea territory() {
        return new ServiceArea(territoryCommunes, territoryDepartements, territoryAcademies);
    }

    @Embeddable
    public static class Membership {
        @Column(name = "organisation_id")
        public UUID organisationId;
        @Enumerated(EnumType.STRING)
        public PlatformRole role;

        public Membership() {
        }

        public Membership(UUID organisationId, PlatformRole role) {
            this.organisationId = organisationId;
            this.role = role;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Membership m && Objects.equals(organisationId, m.organisationId) && role == m.role;
        }

        @Override
        public int hashCode() {
            return Objects.hash(organisationId, role);
        }
    }
}
