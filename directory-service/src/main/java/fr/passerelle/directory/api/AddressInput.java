package fr.passerelle.directory.api;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Address", description = "Postal address of an organisation's main site.")
public record AddressInput(
        @Size(max = 300) @Schema(nullable = true, examples = "100 rue des Fougères") String street,
        @Pattern(regexp = "^[0-9]{5}$", message = "must be a 5-digit postal code") @Schema(nullable = true, examples = "69009") String postalCode,
        @Pattern(regexp = Codes.COMMUNE, message = Codes.COMMUNE_MESSAGE)
        @Schema(description = "INSEE code of the commune (not the postal code).", nullable = true, examples = "69389") String communeCode,
        @Size(max = 120) @Schema(nullable = true, examples = "Lyon") String city) {
}
