package fr.passerelle.directory.domain;

/** A functional contact (generic mailbox, switchboard, website): never a named person's line. */
public record Contact(ContactKind kind, String value, String label) {
}
