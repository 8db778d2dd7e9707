package fr.passerelle.referral.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.UUID;

/** The part of directory-service's organisation this service uses (its functional contacts); other fields are ignored. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DirectoryOrganisation(UUID id, String name, String status, Boolean archived, List<DirectoryContact> contacts) {
}
