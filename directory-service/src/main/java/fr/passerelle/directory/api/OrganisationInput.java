package fr.passerelle.directory.api;

import fr.passerelle.common.json.MultilineText;
import fr.passerelle.directory.domain.OrganisationKind;
import fr.passerelle.directory.domain.RecordStatus;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "OrganisationInput", description = "An organisation as a directory editor creates or replaces it.")
public record OrganisationInput(
        @NotBlank @Size(max = 200) @Schema(examples = "AJD Maurice Gounon – Service de prévention spécialisée") String name,
        @NotNull @Schema(examples = "ASSOCIATION") OrganisationKind kind,
        @Schema(description = "Defaults to ACTIVE.", examples = "ACTIVE") RecordStatus status,
        @Schema(description = "Date the organisation stopped operating (CLOSED only).") LocalDate closedOn,
        @Pattern(regexp = "^[0-9]{7}[A-Z]$", message = "must be a UAI: 7 digits and a letter")
        @Schema(description = "UAI code, for schools.", examples = "0690047B") String uai,
        @MultilineText @Size(max = 5000) String description,
        @Size(max = 500) @Pattern(regexp = "^https?://\\S+$", message = "must be an http(s) URL") String website,
        @Valid AddressInput address,
        @Pattern(regexp = Codes.DEPARTEMENT, message = Codes.DEPARTEMENT_MESSAGE) @Schema(examples = "69") String departement,
        @Pattern(regexp = Codes.ACADEMIE, message = Codes.ACADEMIE_MESSAGE) @Schema(examples = "LYON") String academie,
        @Size(max = 20) List<@NotNull @Valid ContactInput> contacts,
        @Schema(description = "Date the facts were last checked.") LocalDate lastVerified) {
}
