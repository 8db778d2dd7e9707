package fr.passerelle.referral.api;

import fr.passerelle.common.json.MultilineText;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The case to merge into the one named in the path (the surviving case).")
public record CaseMergeRequest(
        @Schema(description = "The duplicate case: its referrals, follow-ups and timeline move to the surviving case, then it is"
                + " closed (reason MERGED) and no longer listed.", examples = "0b6f1c9e-3a4d-4e1f-9c2b-7d8e5f6a1b2c")
        @NotNull UUID duplicateId,
        @Schema(description = "Why the two cases are the same young person (optional; kept on the timeline, erased by retention).",
                examples = "Même élève, inscrit deux fois après un changement d'établissement.")
        @MultilineText @Size(max = 2000) String reason) {
}
