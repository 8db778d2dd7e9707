package fr.passerelle.directory.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A commune (or municipal arrondissement) by its official INSEE code. */
@Entity
public class Commune extends PanacheEntityBase {
    @Id
    public String code;
    public String name;
    @Column(name = "departement_code")
    public String departementCode;
}
