package fr.passerelle.directory.api;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SchoolImportReport", description = "What an import of the annuaire de l'éducation did (or, in a dry run, would do), "
        + "line by line.", requiredProperties = {"dryRun", "created", "updated", "unchanged", "rejected", "lines"})
public record SchoolImportReport(
        @Schema(description = "true: nothing was written.") boolean dryRun,
        @Schema(description = "Schools added to the directory.", examples = "2") int created,
        @Schema(description = "Schools whose name or address changed.", examples = "1") int updated,
        @Schema(description = "Schools already up to date.", examples = "40") int unchanged,
        @Schema(description = "Lines refused (the others are imported all the same).", examples = "1") int rejected,
        @Schema(description = "Every data line, in file order.") List<Line> lines) {

    @Schema(name = "SchoolImportLine", description = "The outcome of one line of the file.",
            requiredProperties = {"line", "uai", "outcome", "organisationId", "name", "changedFields", "reason", "code"})
    public record Line(
            @Schema(description = "Line number in the file, the header being line 1.", examples = "3") int line,
            @Schema(description = "The line's UAI as read; null when empty.", nullable = true, examples = "0690047B") String uai,
            @Schema(description = "CREATED, UPDATED, UNCHANGED or REJECTED.", examples = "UPDATED") String outcome,
            @Schema(description = "The school's organisation id; null when rejected, or created in a dry run.", nullable = true)
            UUID organisationId,
            @Schema(description = "The school's name as read; null when empty.", nullable = true, examples = "Lycée Magenta") String name,
            @Schema(description = "For UPDATED: the organisation fields that change.", examples = "[\"name\",\"address\"]")
            List<String> changedFields,
            @Schema(description = "For REJECTED: why, in English.", nullable = true, examples = "the check letter of 0690047 is B, not C")
            String reason,
            @Schema(description = "For REJECTED: UAI_FORMAT, UAI_CHECK_LETTER, DUPLICATE_UAI, MISSING_VALUE, UNKNOWN_COMMUNE, "
                    + "POSTAL_CODE, TOO_LONG, FIELD_COUNT, INVALID_TEXT or ARCHIVED.", nullable = true, examples = "UAI_CHECK_LETTER")
            String code) {
    }
}
