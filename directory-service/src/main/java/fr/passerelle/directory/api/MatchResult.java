package fr.passerelle.directory.api;

import fr.passerelle.common.codes.CodeLabel;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "MatchResult", description = "An open programme that can take the young person, with why.",
        requiredProperties = {"programme", "territoryFit", "reasons", "notStated"})
public record MatchResult(
        ProgrammeView programme,
        @Schema(description = "Territory fit: 3 commune served, 2 département, 1 académie.", examples = "2") int territoryFit,
        @Schema(description = "Reasons, as codes with French labels. A criterion the directory does not know gives one reason "
                + "with the code NOT_STATED (e.g. \"Âge accueilli non renseigné\"); a programme condition the young person did not "
                + "declare gives NOT_DECLARED. Neither is a verified fit.") List<CodeLabel> reasons,
        @Schema(description = "Criteria the directory does not know for this programme (AUDIENCE, AGE, SCHOOL_LEVEL, "
                + "SCHOOLING_STATUS), or conditions not declared (MONTHS_OUT_OF_SCHOOL, DIPLOMA); empty for a fully verified fit.",
                examples = "[\"AGE\",\"SCHOOL_LEVEL\"]") List<String> notStated) {

    @Schema(name = "MatchResponse", description = "Matching programmes, best first: fewest unknown criteria (notStated), then "
            + "territory fit, then most places, then name. A programme with an unknown criterion never ranks above a verified fit.", requiredProperties = {"age", "items"})
    public record Response(@Schema(description = "Age used, computed as of today in Europe/Paris when a birth date was given.") int age,
                           List<MatchResult> items) {
    }
}
