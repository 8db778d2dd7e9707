package fr.passerelle.directory.service;

/** A read model with the version its ETag is made from. */
public record Versioned<T>(T body, long version) {
}
