package fr.passerelle.directory.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Departement extends PanacheEntityBase {
    @Id
    public String code;
    public String name;
    @Column(name = "region_code")
    public String regionCode;
    @Column(name = "academie_code")
    public String academieCode;
}
