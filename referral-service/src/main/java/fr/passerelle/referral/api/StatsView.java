package fr.passerelle.referral.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Aggregates without personal data. Any count below minimumCount is replaced by null with hidden=true;"
        + " a rate is hidden when its numerator or denominator is. Hidden values are sent as null.",
        requiredProperties = {"generatedAt", "filters", "minimumCount", "total", "byStatus", "byPlatform", "byProgramme", "byOutcome",
                "timeToFirstResponse", "acceptanceRate", "positiveExitRate"})
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

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "StatsFilters", description = "The filters applied; a filter not given is absent.")
    public record Filters(LocalDate from, LocalDate to, UUID platformId, UUID programmeId) {
    }

    @Schema(name = "StatsCount", requiredProperties = {"value", "hidden"})
    public record Count(@Schema(nullable = true) Long value, boolean hidden) {
    }

    @Schema(name = "StatsGroup", requiredProperties = {"key", "label", "count", "hidden"})
    public record Group(@Schema(examples = "SUBMITTED") String key,
                        @Schema(nullable = true, description = "French label; null for a key without one.") String label, @Schema(nullable = true) Long count, boolean hidden) {
    }

    @Schema(name = "StatsResponseTime", description = "From submission to receipt, in hours, over the referrals received.",
            requiredProperties = {"medianHours", "averageHours", "basedOn", "hidden"})
    public record Duration(@Schema(nullable = true) Double medianHours, @Schema(nullable = true) Double averageHours,
                           Count basedOn, boolean hidden) {
    }

    @Schema(name = "StatsRate", description = "acceptance: accepted / (accepted + declined); positive exits: positive outcomes / completed.",
            requiredProperties = {"value", "numerator", "denominator", "hidden"})
    public record Rate(@Schema(nullable = true) Double value, Count numerator, Count denominator, boolean hidden) {
    }
}
