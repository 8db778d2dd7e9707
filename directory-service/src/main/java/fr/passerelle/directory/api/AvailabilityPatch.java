package fr.passerelle.directory.api;

import fr.passerelle.directory.domain.RecordStatus;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of the availability PATCH, for the contract: a JSON merge patch (RFC 7396) of the only three fields a
 * partner keeps up to date. The service reads the body itself, so that an absent field (unchanged) differs from
 * null (placesAvailable unknown, contacts emptied) and another field is named in a 403.
 */
@Schema(name = "AvailabilityPatch", description = "A JSON merge patch of a programme's availability: only placesAvailable, "
        + "contacts and status; an absent field is left unchanged. Any other field is refused (403 for partner staff, 400 "
        + "for directory editors, who replace the programme with PUT).")
public record AvailabilityPatch(
        @Schema(description = "Places available now, 0 or more; null when unknown. 0 takes the programme out of the "
                + "open programmes (match, open=true) at once. Must not exceed capacityPerCohort when known.",
                nullable = true, minimum = "0", examples = "0") Integer placesAvailable,
        @Schema(description = "The programme's functional contacts (replaces the list; null or [] empties it), at most 20.",
                nullable = true, maxItems = 20) List<ContactInput> contacts,
        @Schema(description = "ACTIVE (taking referrals) or SUSPENDED (not for now: left out of open programmes). Closing "
                + "a programme is a directory editor's decision (PUT).", examples = "SUSPENDED") RecordStatus status) {
}
