package fr.passerelle.referral.api;

import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Whose data to export: exactly one of caseId, ine, or firstName + lastName + birthDate.")
public record SubjectAccessRequest(
        UUID caseId,
        @Pattern(regexp = Patterns.INE) String ine,
        @Size(max = 100) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String firstName,
        @Size(max = 100) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String lastName,
        @Past LocalDate birthDate,
        @Schema(description = "The request's reference in the data-protection register.", examples = "DPO-2026-042")
        @Size(max = 100) String reference) {

    /** Absent is allowed (another way of naming the person is used); present but blank is a mistake. */
    static final String NOT_BLANK = "(?s).*\\S.*";
}
