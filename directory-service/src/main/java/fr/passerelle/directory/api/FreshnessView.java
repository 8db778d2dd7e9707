package fr.passerelle.directory.api;

import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Freshness", description = "How stale a record's facts are, counted from lastVerified (a person confirmed them) or, "
        + "failing that, sourceDate (the document's date): FRESH under one year, AGING from one year, STALE from two years, "
        + "UNDATED with neither date.", requiredProperties = {"code", "label", "basedOn", "staleFrom"})
public record FreshnessView(
        @Schema(description = "FRESH, AGING, STALE or UNDATED.", examples = "STALE") String code,
        @Schema(examples = "Ancien (plus de deux ans)") String label,
        @Schema(description = "Date the freshness counts from; null when undated.", nullable = true, examples = "2023-03-29") LocalDate basedOn,
        @Schema(description = "Day the record becomes (or became) STALE; null when undated.", nullable = true, examples = "2025-03-29")
        LocalDate staleFrom) {
}
