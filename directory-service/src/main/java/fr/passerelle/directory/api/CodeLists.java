package fr.passerelle.directory.api;

import fr.passerelle.common.codes.CodeLabel;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CodeLists", description = "Every code the directory uses, with its French display label.",
        requiredProperties = {"categories", "schoolLevels", "schoolingStatuses", "diplomaLevels", "admissionModes", "intakes",
                "organisationKinds", "statuses", "matchReasons"})
public record CodeLists(List<CodeLabel> categories, List<CodeLabel> schoolLevels, List<CodeLabel> schoolingStatuses,
                        List<CodeLabel> diplomaLevels, List<CodeLabel> admissionModes, List<CodeLabel> intakes,
                        List<CodeLabel> organisationKinds, List<CodeLabel> statuses,
                        @Schema(description = "Why a programme matched (MatchResult.reasons).") List<CodeLabel> matchReasons) {
}
