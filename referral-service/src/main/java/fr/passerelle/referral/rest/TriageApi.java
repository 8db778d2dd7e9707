package fr.passerelle.referral.rest;

import fr.passerelle.referral.api.Pages;
import fr.passerelle.referral.domain.ReferralStatus;
import fr.passerelle.referral.domain.Urgency;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
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
    @Operation(operationId = "getTriageQueue", summary = "The platform's triage queue", description = "Coordinators only: the SUBMITTED, RECEIVED and WAITLISTED"
            + " referrals the platform coordinates (addressed to it, or to a member's programme for a young person of its"
            + " territory), most urgent first, then longest waiting. Pass nextCursor back as cursor for the next page; the cost"
            + " of a page does not depend on how deep it is. Each item shows its deadline (dueAt) and whether it is overdue;"
            + " overdue items keep their place (longest waiting first already brings them up, and the order stays stable"
            + " for the cursor): GET /referrals?overdue=true lists them alone.")
    @APIResponse(responseCode = "200", description = "A page of the queue.", content = @Content(schema = @Schema(implementation = Pages.TriagePage.class),
            examples = @ExampleObject(name = "queue", value = Examples.TRIAGE_PAGE)))
    Response queue(@Parameter(description = "Only this status: SUBMITTED, RECEIVED or WAITLISTED (another status is 400); all three"
                           + " when absent.", schema = @Schema(type = SchemaType.STRING, enumeration = {"SUBMITTED", "RECEIVED", "WAITLISTED"}))
                   @QueryParam("status") ReferralStatus status,
                   @Parameter(description = "Only this urgency; all when absent.") @QueryParam("urgency") Urgency urgency,
                   @Parameter(description = ReferralsApi.ASSIGNEE, schema = @Schema(type = SchemaType.STRING, enumeration = {"me", "none"}))
                   @QueryParam("assignee") String assignee,
                   @Parameter(description = "The nextCursor of the previous page (opaque); the first page when absent.")
                   @QueryParam("cursor") @Size(max = 200) String cursor,
                   @Parameter(description = CasesApi.SIZE) @QueryParam("size") @Min(1) @Max(100) Integer size);
}
