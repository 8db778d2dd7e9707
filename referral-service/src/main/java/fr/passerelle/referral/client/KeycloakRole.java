package fr.passerelle.referral.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A role of Keycloak's RoleRepresentation: its name only. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record KeycloakRole(String name) {
}
