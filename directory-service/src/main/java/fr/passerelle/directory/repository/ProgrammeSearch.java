package fr.passerelle.directory.repository;

import java.util.UUID;

/**
 * Filters of a programme search; null means "any". Territory filters are resolved by the
 * service: a commune brings its département and académie.
 */
public record ProgrammeSearch(String foldedQuery, String category, String departement,
                              String commune, String communeDepartement, String communeAcademie,
                              UUID organisation, Integer age, String schoolingStatus, String status,
                              boolean openOnly) {
}
