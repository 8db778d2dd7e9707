package fr.passerelle.directory.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "EligibilityView", description = "Who a programme can take. A null or empty criterion is not stated by the source: the finder reports it as NOT_STATED, never as a fit.",
        requiredProperties = {"minAge", "maxAge", "schoolLevels", "schoolingStatuses", "maxDiplomaLevel", "qpvResidenceRequired",
                "audience", "requirements", "maxAgeWithDisability", "minMonthsOutOfSchool", "maxMonthsOutOfSchool"})
public record EligibilityView(@Schema(nullable = true, examples = "16") Integer minAge,
                              @Schema(nullable = true, examples = "25") Integer maxAge,
                              @Schema(description = "School level codes accepted.") List<String> schoolLevels,
                              @Schema(description = "Schooling status codes accepted.") List<String> schoolingStatuses,
                              @Schema(description = "Highest diploma a young person may already hold (code).", nullable = true,
                                      examples = "CAP_BEP") String maxDiplomaLevel,
                              boolean qpvResidenceRequired,
                              @Schema(description = "Audience codes (YOUNG_PERSON, STUDENT, PARENT, PROFESSIONAL); empty when not stated.",
                                      examples = "[\"YOUNG_PERSON\"]") List<String> audience,
                              @Schema(description = "Requirement codes a young person must meet.", examples = "[\"GIRLS_ONLY\"]")
                              List<String> requirements,
                              @Schema(description = "Upper age for a young person with a recognised disability.", nullable = true,
                                      examples = "30") Integer maxAgeWithDisability,
                              @Schema(description = "Minimum time since leaving school, in months.", nullable = true) Integer minMonthsOutOfSchool,
                              @Schema(description = "Maximum time since leaving school, in months.", nullable = true, examples = "36")
                              Integer maxMonthsOutOfSchool) {
}
