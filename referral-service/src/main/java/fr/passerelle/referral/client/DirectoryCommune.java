package fr.passerelle.referral.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A commune (INSEE code) from directory-service's territories. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DirectoryCommune(String code, String name, String departementCode, String academieCode) {
}
