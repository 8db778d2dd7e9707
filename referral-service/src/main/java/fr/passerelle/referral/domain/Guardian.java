package fr.passerelle.referral.domain;

/** A guardian's contact on a case (stored as JSON with the case, erased by retention). */
public record Guardian(String firstName, String lastName, GuardianRelationship relationship, String phone, String email) {
}
