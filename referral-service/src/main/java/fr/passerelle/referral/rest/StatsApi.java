package fr.passerelle.referral.rest;

import fr.passerelle.referral.api.StatsView;
import java.time.LocalDate;
import java.util.UUID;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/stats")
@Tag(name = "Statistics")
@Produces(MediaType.APPLICATION_JSON)
public interface StatsApi {

    @GET
    @Operation(operationId = "getStats", summary = "Referral statistics", description = "Counts by status, platform, programme and outcome; time from"
            + " submission to first response; acceptance rate; positive-exit rate. Drafts are not counted. No personal data;"
            + " any count below 5 is null with hidden=true. Open to every role (and to systems with referrals:read).")
    @APIResponse(responseCode = "200", description = "The statistics.", content = @Content(schema = @Schema(implementation = StatsView.class),
            examples = @ExampleObject(name = "term", value = Examples.STATS)))
    Response stats(@Parameter(description = "Referrals submitted on or after this date, e.g. 2026-09-01.") @QueryParam("from") LocalDate from,
                   @Parameter(description = "Referrals submitted on or before this date, e.g. 2026-12-31 (not before from).")
                   @QueryParam("to") LocalDate to,
                   @Parameter(description = "Only referrals this platform coordinates (its id).") @QueryParam("platformId") UUID platformId,
                   @Parameter(description = "Only referrals to this programme (its id).") @QueryParam("programmeId") UUID programmeId);
}
