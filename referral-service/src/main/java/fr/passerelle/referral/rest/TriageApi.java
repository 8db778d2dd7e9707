package fr.passerelle.referral.rest;

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

@Path("/api/v1/triage")
@Tag(name = "Triage")
@Produces(MediaType.APPLICATION_JSON)
public interface TriageApi {

    @GET
    @Operation(summary = "The platform's triage queue", description = "Coordinators only: the SUBMITTED, RECEIVED and WAITLISTED"
            + " referrals the platform coordinates (addressed to it, or to a member's programme for a young person of its"
            + " territory), most urgent first, then longest waiting. Pass nextCursor back as cursor for the next page; the cost"
            + " of a page does not depend on how deep it is. Each item shows its deadline (dueAt) and whether it is overdue;"
            + " overdue items keep their place (longest waiting first already brings them up, and the order stays stable"
            + " for the cursor): GET /referrals?overdue=true lists them alone.")
    @APIResponse(responseCode = "200", description = "A page of the queue.", content = @Content(schema = @Schema(ref = "CursorPage"),
            examples = @ExampleObject(name = "queue", value = Examples.TRIAGE_PAGE)))
    Response queue(@Parameter(description = "SUBMITTED, RECEIVED or WAITLISTED (default: all three).",
                           schema = @Schema(enumeration = {"SUBMITTED", "RECEIVED", "WAITLISTED"})) @QueryParam("status") String status,
                   @Parameter(description = "Only this urgency.", schema = @Schema(enumeration = {"CRITICAL", "HIGH", "NORMAL", "LOW"}))
                   @QueryParam("urgency") String urgency,
                   @Parameter(description = "me: only referrals assigned to the caller; none: only unassigned ones.",
                           schema = @Schema(enumeration = {"me", "none"})) @QueryParam("assignee") String assignee,
                   @Parameter(description = "nextCursor of the previous page.") @QueryParam("cursor") String cursor,
                   @Parameter(description = "1 to 100, default 20.") @QueryParam("size") String size);
}
