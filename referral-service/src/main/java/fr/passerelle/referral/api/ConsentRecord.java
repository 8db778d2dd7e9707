package fr.passerelle.referral.api;

import fr.passerelle.referral.domain.ConsentGiver;
import fr.passerelle.referral.domain.ConsentPurpose;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Recorded consent: GUARDIAN for a minor (at the consent date), YOUNG_PERSON from 18.")
public record ConsentRecord(
        @Schema(examples = "GUARDIAN") @NotNull ConsentGiver givenBy,
        @Schema(examples = "2026-11-20") @NotNull @PastOrPresent LocalDate givenAt,
        @Schema(examples = "REFERRAL") @NotNull ConsentPurpose purpose) {
}
