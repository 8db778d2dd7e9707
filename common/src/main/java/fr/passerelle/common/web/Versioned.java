package fr.passerelle.common.web;

/** What a service answers for one object, with the version its ETag is made of ({@link ETags}). */
public record Versioned<T>(T body, long version) {
}
