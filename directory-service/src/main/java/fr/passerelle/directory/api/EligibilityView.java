package fr.passerelle.directory.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "EligibilityView", description = "Who a programme can take. Null or empty criteria do not restrict.",
        requiredProperties = {"minAge", "maxAge", "schoolLevels", "schoolingStatuses", "maxDiplomaLevel", "qpvResidenceRequired"})
public record EligibilityView(@Schema(nullable = true, examples = "16") Integer minAge,
                              @Schema(nullable = true, examples = "25") Integer maxAge,
                              @Schema(description = "School level codes accepted.") List<String> schoolLevels,
                              @Schema(description = "Schooling status codes accepted.") List<String> schoolingStatuses,
                              @Schema(description = "Highest diploma a young person may already hold (code).", nullable = true,
                                      examples = "CAP_BEP") String maxDiplomaLevel,
                              boolean qpvResidenceRequired) {
}
