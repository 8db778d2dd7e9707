package fr.passerelle.directory.api;

import fr.passerelle.common.codes.CodeLabel;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CodeLists", description = "Every code the directory uses, with its French display label.",
        requiredProperties = {"categories", "schoolLevels", "schoolingStatuses", "diplomaLevels", "admissionModes", "intakes",
                "organisationKinds", "statuses", "matchReasons", "audiences", "requirements", "genders", "freshness"})
public record CodeLists(List<CodeLabel> categories, List<CodeLabel> schoolLevels, List<CodeLabel> schoolingStatuses,
                        List<CodeLabel> diplomaLevels, List<CodeLabel> admissionModes, List<CodeLabel> intakes,
                        List<CodeLabel> organisationKinds, List<CodeLabel> statuses,
                        @Schema(description = "Why a programme matched (MatchResult.reasons); NOT_STATED and NOT_DECLARED carry "
                                + "the criterion in their label.") List<CodeLabel> matchReasons,
                        @Schema(description = "Who a programme serves (Eligibility.audience).") List<CodeLabel> audiences,
                        @Schema(description = "Conditions a young person must meet (Eligibility.requirements).") List<CodeLabel> requirements,
                        @Schema(description = "Genders a finder may give (MatchRequest.gender).") List<CodeLabel> genders,
                        @Schema(description = "Freshness codes (Freshness.code).") List<CodeLabel> freshness) {
}
