package fr.passerelle.referral.api;

import fr.passerelle.common.codes.CodeLabel;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Every code list of this API with its French labels, for display. Keys are the field names that use them.",
        requiredProperties = "lists")
public record CodeList(Map<String, List<CodeLabel>> lists) {
}
