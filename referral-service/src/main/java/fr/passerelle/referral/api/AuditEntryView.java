package fr.passerelle.referral.api;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "One access-log row: who (subject, role, attachment), when, what, why, which request and case. No names.")
public record AuditEntryView(UUID id, Instant occurredAt, String subject, String role, String attachment,
                             @Schema(examples = "CASE_READ") String operation,
                             @Schema(examples = "REFERRAL_MANAGEMENT") String purpose,
                             String requestId, UUID caseId, UUID referralId) {
}
