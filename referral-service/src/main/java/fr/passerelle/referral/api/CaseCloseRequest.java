package fr.passerelle.referral.api;

import fr.passerelle.common.json.MultilineText;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Why the case is closed (optional).")
public record CaseCloseRequest(
        @Schema(examples = "SUPPORT_ENDED") CloseReason reason,
        @MultilineText @Size(max = 2000) String comment) {

    public enum CloseReason { SUPPORT_ENDED, MOVED_AWAY, DUPLICATE, OTHER }
}
