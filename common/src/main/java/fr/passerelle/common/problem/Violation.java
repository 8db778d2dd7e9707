package fr.passerelle.common.problem;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One field-level reason a request was refused. */
@Schema(name = "Violation", description = "One field-level reason a request was refused.")
public record Violation(
        @Schema(description = "Path of the offending field or parameter, dotted for nested fields.", examples = "eligibility.minAge")
        String field,
        @Schema(description = "Human-readable explanation.", examples = "must be greater than or equal to 0")
        String message,
        @Schema(description = "Stable machine code of the rule that failed.", examples = "MIN")
        String code) {
}
