package fr.passerelle.referral.api;

import fr.passerelle.referral.domain.ConsentGiver;
import jakarta.validation.constraints.PastOrPresent;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Who withdrew consent and when (both optional; default: today).")
public record ConsentWithdrawalRequest(
        @Schema(examples = "GUARDIAN") ConsentGiver withdrawnBy,
        @Schema(examples = "2026-12-01") @PastOrPresent LocalDate withdrawnAt) {
}
