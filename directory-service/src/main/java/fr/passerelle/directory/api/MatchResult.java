package fr.passerelle.directory.api;

import fr.passerelle.common.codes.CodeLabel;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "MatchResult", description = "An open programme that can take the young person, with why.",
        requiredProperties = {"programme", "territoryFit", "reasons"})
public record MatchResult(
        ProgrammeView programme,
        @Schema(description = "Territory fit: 3 commune served, 2 département, 1 académie.", examples = "2") int territoryFit,
        @Schema(description = "Reasons, as codes with French labels.") List<CodeLabel> reasons) {

    @Schema(name = "MatchResponse", description = "Matching programmes, best first.", requiredProperties = {"age", "items"})
    public record Response(@Schema(description = "Age used, computed as of today in Europe/Paris when a birth date was given.") int age,
                           List<MatchResult> items) {
    }
}
