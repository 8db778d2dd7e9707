package fr.passerelle.directory.api;

import fr.passerelle.common.codes.CodeLabel;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "EligibilityAnswer", description = "Whether a young person fits one programme's criteria, and why not. The "
        + "directory's matching rules, applied to one programme: a programme the young person fits is one match would list "
        + "(if it is open).", requiredProperties = {"programmeId", "age", "fits", "open", "territoryFit", "reasons", "notStated",
        "mismatches"})
public record EligibilityAnswer(
        @Schema(examples = "319ee441-a093-4f4c-b58a-17412b02411d") UUID programmeId,
        @Schema(description = "Age used, computed as of today in Europe/Paris when a birth date was given.", examples = "17") int age,
        @Schema(description = "true when no criterion excludes the young person (mismatches is empty). Unknown criteria "
                + "(notStated) do not exclude.", examples = "false") boolean fits,
        @Schema(description = "The programme takes referrals now (active, not archived, its organisation operating, places "
                + "unknown or left). Not a criterion: fits says nothing about it.", examples = "true") boolean open,
        @Schema(description = "Territory fit: 3 commune served, 2 département, 1 académie, 0 outside or no area stated.",
                examples = "2") int territoryFit,
        @Schema(description = "Criteria that fit, as codes with French labels (the match operation's reasons); a criterion the "
                + "directory does not know gives NOT_STATED, a condition the young person did not declare NOT_DECLARED.")
        List<CodeLabel> reasons,
        @Schema(description = "Criteria the directory does not know for this programme (AUDIENCE, AGE, SCHOOL_LEVEL, "
                + "SCHOOLING_STATUS), or conditions not declared (MONTHS_OUT_OF_SCHOOL, DIPLOMA).", examples = "[\"AUDIENCE\"]")
        List<String> notStated,
        @Schema(description = "Every criterion the young person does not meet, as codes with French labels (NO_SERVICE_AREA, "
                + "OUTSIDE_SERVICE_AREA, AUDIENCE_NOT_SERVED, AGE_BELOW_MINIMUM, AGE_ABOVE_MAXIMUM, SCHOOL_LEVEL, "
                + "SCHOOLING_STATUS, QPV_RESIDENCE, DIPLOMA_ABOVE_CAP, REQUIREMENT_NOT_MET, MONTHS_OUT_OF_SCHOOL); empty when "
                + "the young person fits.") List<CodeLabel> mismatches) {
}
