package fr.passerelle.directory.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DirectoryChange", description = "One write to the directory: who, when, which record, and each field changed.",
        requiredProperties = {"id", "changedAt", "actor", "recordType", "recordId", "operation", "channel", "changes"})
public record DirectoryChangeView(
        @Schema(examples = "6f1d0a52-1f0e-4a8e-9a55-0c7f3d2b7e10") UUID id,
        @Schema(examples = "2026-11-30T08:15:00Z") Instant changedAt,
        Actor actor,
        @Schema(description = "ORGANISATION, PROGRAMME or PLATFORM.", examples = "PROGRAMME") String recordType,
        @Schema(examples = "505253b6-75da-4eaf-b941-3fca072d1ad5") UUID recordId,
        @Schema(description = "CREATE, UPDATE or ARCHIVE.", examples = "UPDATE") String operation,
        @Schema(description = "EDIT (a directory editor's create, replace or archive), AVAILABILITY (places, contacts or "
                + "status kept up to date by the partner or an editor) or SCHOOL_IMPORT (the UAI import).", examples = "AVAILABILITY")
        String channel,
        @Schema(description = "The fields changed, by name, in the API's field names.") List<FieldChange> changes) {

    @Schema(name = "DirectoryChangeActor", description = "Who wrote: the token's subject (an account id, no name), the role "
            + "used and, for partner staff, their organisation.", requiredProperties = {"subject", "role", "organisationId"})
    public record Actor(
            @Schema(nullable = true, examples = "0b7c3f0e-52a4-4d3c-9b1e-0d7c9a2f4e11") String subject,
            @Schema(description = "directory-admin or partner.", examples = "partner") String role,
            @Schema(nullable = true, examples = "07a23e44-05c2-4269-8757-ada2582fb768") UUID organisationId) {
    }

    @Schema(name = "FieldChange", description = "A field's value before and after, as text: a string or number as is, a "
            + "list or object as JSON; null when the field was empty or unknown.", requiredProperties = {"field", "oldValue", "newValue"})
    public record FieldChange(
            @Schema(examples = "placesAvailable") String field,
            @Schema(nullable = true, examples = "4") String oldValue,
            @Schema(nullable = true, examples = "0") String newValue) {
    }
}
