package fr.passerelle.referral.rest;

import fr.passerelle.referral.api.InboxSummary;
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

@Path("/api/v1/inbox")
@Tag(name = "Referrals")
@Produces(MediaType.APPLICATION_JSON)
public interface InboxApi {

    @GET
    @Path("/summary")
    @Operation(operationId = "getInboxSummary", summary = "What needs me now", description = "Counts over the caller's scope"
            + " (referents, coordinators, partner staff, and systems with referrals:read): actionNeeded = open referrals on"
            + " which the caller can move the lifecycle forward now, as allowedActions would show it (cancelling excluded):"
            + " a referent's or the origin platform's DRAFTs; a platform's SUBMITTED and RECEIVED referrals; a commission's"
            + " SUBMITTED, RECEIVED and WAITLISTED ones, then ACCEPTED and IN_PROGRESS while the organisation has no partner"
            + " account; a partner's SUBMITTED to IN_PROGRESS ones. overdue = those of them whose deadline has passed."
            + " byStatus = the scope's open referrals by status. assignee=me counts only referrals assigned to the caller,"
            + " assignee=none only unassigned ones. No personal data; roles without pupil data (auditor, directory-admin) get 403.")
    @APIResponse(responseCode = "200", description = "The counts.", content = @Content(
            schema = @Schema(implementation = InboxSummary.class),
            examples = @ExampleObject(name = "partner", value = Examples.INBOX_SUMMARY)))
    Response summary(@Parameter(description = "me: count only referrals assigned to the caller; none: only unassigned ones; all"
            + " when absent.", schema = @Schema(type = SchemaType.STRING, enumeration = {"me", "none"})) @QueryParam("assignee") String assignee);
}
