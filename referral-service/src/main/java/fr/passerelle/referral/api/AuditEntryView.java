package fr.passerelle.referral.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "One access-log row: who (subject, role, attachment), when, what, why, which request and case. No names."
        + " Members without a value are absent.", requiredProperties = {"id", "occurredAt", "operation", "purpose"})
public record AuditEntryView(UUID id, Instant occurredAt, String subject, String role, String attachment,
                             @Schema(examples = "CASE_READ") String operation,
                             @Schema(examples = "REFERRAL_MANAGEMENT") String purpose,
                             String requestId, UUID caseId, UUID referralId) {
}
