package fr.passerelle.referral.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Aggregates without personal data. Any count below minimumCount is replaced by null with hidden=true;"
        + " a rate is hidden when its numerator or denominator is.")
public record StatsView(
        Instant generatedAt,
        Filters filters,
        @Schema(examples = "5") int minimumCount,
        Count total,
        List<Group> byStatus,
        List<Group> byPlatform,
        List<Group> byProgramme,
        List<Group> byOutcome,
        Duration timeToFirstResponse,
        Rate acceptanceRate,
        Rate positiveExitRate) {

    public record Filters(LocalDate from, LocalDate to, UUID platformId, UUID programmeId) {
    }

    public record Count(@Schema(nullable = true) Long value, boolean hidden) {
    }

    public record Group(@Schema(examples = "SUBMITTED") String key, String label, @Schema(nullable = true) Long count, boolean hidden) {
    }

    @Schema(name = "ResponseTime", description = "From submission to receipt, in hours, over the referrals received.")
    public record Duration(@Schema(nullable = true) Double medianHours, @Schema(nullable = true) Double averageHours,
                           Count basedOn, boolean hidden) {
    }

    @Schema(description = "acceptance: accepted / (accepted + declined); positive exits: positive outcomes / completed.")
    public record Rate(@Schema(nullable = true) Double value, Count numerator, Count denominator, boolean hidden) {
    }
}
