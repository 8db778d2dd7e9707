package fr.passerelle.referral.rest;

import fr.passerelle.referral.api.ActionRequests;
import fr.passerelle.referral.api.AssignRequest;
import fr.passerelle.referral.api.FollowUpCreateRequest;
import fr.passerelle.referral.api.FollowUpView;
import fr.passerelle.referral.api.ReferralCreateRequest;
import fr.passerelle.referral.api.ReferralView;
import fr.passerelle.referral.api.Pages;
import fr.passerelle.referral.domain.ReferralStatus;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Referrals and their lifecycle. Each action is its own endpoint, requires If-Match, and is decided by the
 * lifecycle table printed in the document's description: 403 when the caller may never take it on this
 * referral, 409 when the current status does not allow it.
 */
@Path("/api/v1/referrals")
@Tag(name = "Referrals")
@Produces(MediaType.APPLICATION_JSON)
public interface ReferralsApi {

    String ID = "The referral's id.";
    String IF_MATCH = "The ETag of the referral as last read (e.g. \"v2\").";
    String ASSIGNEE = "me: only referrals assigned to the caller (its token's sub); none: only unassigned ones; all when absent.";
    String ACTION = " Requires If-Match. Answers the referral with its new ETag; writes an event on the case timeline.";

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createReferral", summary = "File a referral", description = "To a PSAD platform or a programme, for a case the caller owns (its school's"
            + " referent, or the coordinator's platform); a case the caller may not see answers 404, as one that does not"
            + " exist. The target is checked against the directory: unknown → 422, closed"
            + " or full → 422, eligibility not met → 422 unless eligibilityOverrideReason explains why. A second open referral"
            + " of the case to the same target → 409 with existingId. When the directory cannot confirm the target: 503 with"
            + " Retry-After and nothing written; retry with the same Idempotency-Key. submit=true files it as SUBMITTED.")
    @RequestBody(content = @Content(schema = @Schema(implementation = ReferralCreateRequest.class),
            examples = @ExampleObject(name = "toProgramme", value = Examples.REFERRAL_CREATE)))
    @APIResponse(responseCode = "201", description = "Filed.",
            headers = {@Header(name = "Location", ref = "Location"), @Header(name = "ETag", ref = "ETag"),
                    @Header(name = "Idempotent-Replayed", ref = "IdempotentReplayed")},
            content = @Content(schema = @Schema(implementation = ReferralView.class),
                    examples = @ExampleObject(name = "submitted", value = Examples.REFERRAL_VIEW)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    Response create(@Parameter(description = CasesApi.IDEMPOTENCY_KEY) @HeaderParam("Idempotency-Key") String idempotencyKey,
                    @Valid @NotNull ReferralCreateRequest body);

    @GET
    @Operation(operationId = "listReferrals", summary = "List the caller's referrals (inbox)", description = "The caller's referrals, most recently changed first. Referent: filed from the"
            + " school. Coordinator: addressed to or coordinated by the platform, or filed by it. Partner: addressed to its"
            + " organisation's programmes. Poll with updatedSince to learn of changes; overdue=true lists what waits beyond its"
            + " deadline.")
    @APIResponse(responseCode = "200", description = "A page of referrals.", content = @Content(
            schema = @Schema(implementation = Pages.ReferralPage.class), examples = @ExampleObject(name = "inbox",
                    value = "{\"items\":[" + Examples.REFERRAL_VIEW + "],\"page\":0,\"size\":20,\"totalItems\":1}")))
    Response inbox(@Parameter(description = "Only referrals in this status; all when absent.") @QueryParam("status") ReferralStatus status,
                   @Parameter(description = "Only referrals changed at or after this moment: an RFC 3339 date-time with an offset"
                           + " (e.g. 2026-11-20T08:00:00Z), or a date alone (e.g. 2026-11-20: from midnight, Paris time)."
                           + " A plain string, not anyOf: generated clients could not send a one-of query parameter.")
                   @QueryParam("updatedSince") @Size(max = 64) String updatedSince,
                   @Parameter(description = ASSIGNEE, schema = @Schema(type = SchemaType.STRING, enumeration = {"me", "none"}))
                   @QueryParam("assignee") String assignee,
                   @Parameter(description = "true: only referrals past their deadline (dueAt); false: only those that are not;"
                           + " both when absent.") @QueryParam("overdue") Boolean overdue,
                   @Parameter(description = CasesApi.PAGE) @QueryParam("page") @Min(0) @Max(CasesApi.MAX_PAGE) Integer page,
                   @Parameter(description = CasesApi.SIZE) @QueryParam("size") @Min(1) @Max(100) Integer size);

    @GET
    @Path("/codes")
    @Operation(operationId = "getCodeLists", summary = "Code lists with French labels", description = "Statuses, actions, reasons, urgencies, decline and cancel"
            + " reasons, outcomes (and which are positive exits), follow-up kinds, school levels… as code + French label, for"
            + " display. No personal data.")
    @APIResponse(responseCode = "200", description = "The code lists.", content = @Content(
            schema = @Schema(implementation = fr.passerelle.referral.api.CodeList.class), examples = @ExampleObject(name = "codes",
            value = "{\"lists\":{\"urgency\":[{\"code\":\"CRITICAL\",\"label\":\"Critique\"},{\"code\":\"HIGH\",\"label\":\"Haute\"}]}}")))
    Response codes();

    @GET
    @Path("/{id}")
    @Operation(operationId = "getReferral", summary = "Read a referral", description = "With allowedActions: the lifecycle actions the caller may take now.")
    @APIResponse(responseCode = "200", description = "The referral.", headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(schema = @Schema(implementation = ReferralView.class),
                    examples = @ExampleObject(name = "referral", value = Examples.REFERRAL_VIEW)))
    Response get(@Parameter(description = ID) @PathParam("id") UUID id);

    @POST
    @Path("/{id}/submit")
    @Operation(operationId = "submitReferral", summary = "Submit (DRAFT → SUBMITTED)", description = "By the origin (referent of the origin school, or coordinator"
            + " of the origin platform)." + ACTION)
    @APIResponse(responseCode = "200", description = "Submitted.", headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(schema = @Schema(implementation = ReferralView.class)))
    @APIResponse(responseCode = "409", ref = "IllegalTransition")
    Response submit(@Parameter(description = ID) @PathParam("id") UUID id,
                    @Parameter(description = IF_MATCH, required = true) @HeaderParam("If-Match") String ifMatch);

    @POST
    @Path("/{id}/receive")
    @Operation(operationId = "receiveReferral", summary = "Acknowledge receipt (SUBMITTED → RECEIVED)", description = "By the target: the platform's coordinator,"
            + " or partner staff of the programme's organisation; for a programme admitting by CTO or departmental commission,"
            + " the triage platform's coordinator too. Starts the clock of the time-to-first-response statistic."
            + ACTION)
    @APIResponse(responseCode = "200", description = "Received.", headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(schema = @Schema(implementation = ReferralView.class)))
    @APIResponse(responseCode = "409", ref = "IllegalTransition")
    Response receive(@Parameter(description = ID) @PathParam("id") UUID id,
                     @Parameter(description = IF_MATCH, required = true) @HeaderParam("If-Match") String ifMatch);

    @POST
    @Path("/{id}/accept")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "acceptReferral", summary = "Accept (RECEIVED or WAITLISTED → ACCEPTED)", description = "Programme targets only: partner staff of the"
            + " programme's organisation, or the coordinator when the programme admits by CTO or departmental commission"
            + " (commissionDate required). Guardians' contact becomes visible to the partner." + ACTION)
    @RequestBody(required = false, content = @Content(schema = @Schema(implementation = ActionRequests.Accept.class),
            examples = @ExampleObject(name = "commission", value = Examples.ACCEPT)))
    @APIResponse(responseCode = "200", description = "Accepted.", headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(schema = @Schema(implementation = ReferralView.class)))
    @APIResponse(responseCode = "409", ref = "IllegalTransition")
    Response accept(@Parameter(description = ID) @PathParam("id") UUID id,
                    @Parameter(description = IF_MATCH, required = true) @HeaderParam("If-Match") String ifMatch,
                    @Valid ActionRequests.Accept body);

    @POST
    @Path("/{id}/waitlist")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "waitlistReferral", summary = "Put on the waiting list (RECEIVED → WAITLISTED)", description = "As accept." + ACTION)
    @RequestBody(required = false, content = @Content(schema = @Schema(implementation = ActionRequests.Waitlist.class),
            examples = @ExampleObject(name = "nextSession", value = Examples.WAITLIST)))
    @APIResponse(responseCode = "200", description = "Waitlisted.", headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(schema = @Schema(implementation = ReferralView.class)))
    @APIResponse(responseCode = "409", ref = "IllegalTransition")
    Response waitlist(@Parameter(description = ID) @PathParam("id") UUID id,
                      @Parameter(description = IF_MATCH, required = true) @HeaderParam("If-Match") String ifMatch,
                      @Valid ActionRequests.Waitlist body);

    @POST
    @Path("/{id}/decline")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "declineReferral", summary = "Decline (RECEIVED or WAITLISTED → DECLINED)", description = "By whoever received it (platform coordinator,"
            + " programme partner, or the commission's coordinator); reason required." + ACTION)
    @RequestBody(content = @Content(schema = @Schema(implementation = ActionRequests.Decline.class),
            examples = @ExampleObject(name = "full", value = Examples.DECLINE)))
    @APIResponse(responseCode = "200", description = "Declined.", headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(schema = @Schema(implementation = ReferralView.class)))
    @APIResponse(responseCode = "409", ref = "IllegalTransition")
    Response decline(@Parameter(description = ID) @PathParam("id") UUID id,
                     @Parameter(description = IF_MATCH, required = true) @HeaderParam("If-Match") String ifMatch,
                     @Valid @NotNull ActionRequests.Decline body);

    @POST
    @Path("/{id}/start")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "startReferral", summary = "Start support (ACCEPTED → IN_PROGRESS)", description = "By the programme's partner; for a programme admitting"
            + " by commission whose organisation has no partner account (as Keycloak says), by the commission's coordinator"
            + " (503 with Retry-After when Keycloak cannot say). startDate not before submission, not in the future." + ACTION)
    @RequestBody(content = @Content(schema = @Schema(implementation = ActionRequests.Start.class),
            examples = @ExampleObject(name = "start", value = Examples.START)))
    @APIResponse(responseCode = "200", description = "Started.", headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(schema = @Schema(implementation = ReferralView.class)))
    @APIResponse(responseCode = "409", ref = "IllegalTransition")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    Response start(@Parameter(description = ID) @PathParam("id") UUID id,
                   @Parameter(description = IF_MATCH, required = true) @HeaderParam("If-Match") String ifMatch,
                   @Valid @NotNull ActionRequests.Start body);

    @POST
    @Path("/{id}/complete")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "completeReferral", summary = "Record the outcome (IN_PROGRESS → COMPLETED)", description = "As start: the programme's partner, or the"
            + " commission's coordinator while the organisation has no partner account. Outcomes RETURN_TO_SCHOOL, APPRENTICESHIP, QUALIFYING_TRAINING, EMPLOYMENT and CIVIC_SERVICE are positive exits." + ACTION)
    @RequestBody(content = @Content(schema = @Schema(implementation = ActionRequests.Complete.class),
            examples = @ExampleObject(name = "apprenticeship", value = Examples.COMPLETE)))
    @APIResponse(responseCode = "200", description = "Completed.", headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(schema = @Schema(implementation = ReferralView.class)))
    @APIResponse(responseCode = "409", ref = "IllegalTransition")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    Response complete(@Parameter(description = ID) @PathParam("id") UUID id,
                      @Parameter(description = IF_MATCH, required = true) @HeaderParam("If-Match") String ifMatch,
                      @Valid @NotNull ActionRequests.Complete body);

    @POST
    @Path("/{id}/outcome-follow-ups")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "recordOutcomeFollowUp", summary = "Record the situation 6 or 12 months after completion",
            description = "By partner staff of the organisation that completed the referral (403 for anyone else who sees"
            + " it). Due from the Paris date of completion plus 6 (SIX_MONTHS) or 12 months (TWELVE_MONTHS): earlier, 409"
            + " follow-up-not-due (its detail gives the date); a milestone is recorded once (409 follow-up-recorded); a referral not COMPLETED:"
            + " 409 referral-not-completed. The organisation is asked by e-mail (its functional address, no personal data)"
            + " when a milestone falls due, and the referral shows outcomeFollowUpDue. The statistics count these situations"
            + " (groupBy=outcome)." + ACTION)
    @RequestBody(content = @Content(schema = @Schema(implementation = ActionRequests.OutcomeFollowUp.class),
            examples = @ExampleObject(name = "sixMonths", value = Examples.OUTCOME_FOLLOW_UP)))
    @APIResponse(responseCode = "200", description = "Recorded.", headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(schema = @Schema(implementation = ReferralView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    Response recordOutcomeFollowUp(@Parameter(description = ID) @PathParam("id") UUID id,
                                   @Parameter(description = IF_MATCH, required = true) @HeaderParam("If-Match") String ifMatch,
                                   @Valid @NotNull ActionRequests.OutcomeFollowUp body);

    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "cancelReferral", summary = "Cancel (any status before IN_PROGRESS → CANCELLED)", description = "By the origin; reason required once"
            + " submitted." + ACTION)
    @RequestBody(required = false, content = @Content(schema = @Schema(implementation = ActionRequests.Cancel.class),
            examples = @ExampleObject(name = "otherSolution", value = Examples.CANCEL)))
    @APIResponse(responseCode = "200", description = "Cancelled.", headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(schema = @Schema(implementation = ReferralView.class)))
    @APIResponse(responseCode = "409", ref = "IllegalTransition")
    Response cancel(@Parameter(description = ID) @PathParam("id") UUID id,
                    @Parameter(description = IF_MATCH, required = true) @HeaderParam("If-Match") String ifMatch,
                    @Valid ActionRequests.Cancel body);

    @POST
    @Path("/{id}/redirect")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "redirectReferral", summary = "Redirect to a programme (RECEIVED → REDIRECTED)", description = "By the coordinator of the target platform,"
            + " to a programme of one of its member organisations (checked against the directory: 503 + Retry-After when it cannot"
            + " confirm). In the same transaction a new referral is created, SUBMITTED, with parentId = this referral; its id is"
            + " in redirectedToId. Accepts an Idempotency-Key." + ACTION)
    @RequestBody(content = @Content(schema = @Schema(implementation = ActionRequests.Redirect.class),
            examples = @ExampleObject(name = "toProgramme", value = Examples.REDIRECT)))
    @APIResponse(responseCode = "200", description = "Redirected (this referral, with redirectedToId).",
            headers = {@Header(name = "ETag", ref = "ETag"), @Header(name = "Idempotent-Replayed", ref = "IdempotentReplayed")},
            content = @Content(schema = @Schema(implementation = ReferralView.class)))
    @APIResponse(responseCode = "409", ref = "IllegalTransition")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    Response redirect(@Parameter(description = ID) @PathParam("id") UUID id,
                      @Parameter(description = IF_MATCH, required = true) @HeaderParam("If-Match") String ifMatch,
                      @Parameter(description = CasesApi.IDEMPOTENCY_KEY) @HeaderParam("Idempotency-Key") String idempotencyKey,
                      @Valid @NotNull ActionRequests.Redirect body);

    @POST
    @Path("/{id}/assign")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "assignReferral", summary = "Assign to a colleague, or unassign",
            description = "By a member of the party responsible for the referral at its current stage, i.e. who can move it"
            + " forward now (the lifecycle table without cancel): the origin for a DRAFT; the target platform's coordinator,"
            + " the programme's partner staff, or the commission's coordinator (CTO or departmental commission) until it is"
            + " decided; then the programme's partner staff, or the commission's coordinator while the organisation has no"
            + " partner account. The assignee must be an enabled account of the same party: same role and same attachment"
            + " (uai, platform or organisation), as Keycloak says; else 422 on assigneeId. A person may take a referral"
            + " themselves (their own sub). assigneeId null unassigns. Writes a timeline event and a referral.assigned"
            + " event (data: assigneeId, previousAssigneeId). Assigning to the current assignee changes nothing (same ETag)."
            + " When an open referral moves on to another party (a draft submitted, a commission's decision handed to a"
            + " partner with an account), its assignment is released (referral.assigned with previousAssigneeId and reason"
            + " RESPONSIBILITY_MOVED); a finished referral keeps its assignee as a record."
            + " 403 for a caller who sees the referral but is not responsible now; 409 once it is finished (COMPLETED,"
            + " DECLINED, REDIRECTED, CANCELLED); 503 with Retry-After when Keycloak cannot confirm the colleague."
            + " Requires If-Match.")
    @RequestBody(content = @Content(schema = @Schema(implementation = AssignRequest.class), examples = {
            @ExampleObject(name = "assign", value = Examples.ASSIGN),
            @ExampleObject(name = "unassign", value = "{\"assigneeId\":null}")}))
    @APIResponse(responseCode = "200", description = "Assigned (or unassigned).", headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(schema = @Schema(implementation = ReferralView.class),
                    examples = @ExampleObject(name = "assigned", value = Examples.REFERRAL_VIEW_ASSIGNED)))
    @APIResponse(responseCode = "403", description = "The caller sees the referral but is not responsible for it at its current stage"
            + " (or its role has no pupil data, or a system lacks referrals:write).",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "422", description = "assigneeId is not an enabled account of the caller's party (same role,"
            + " same attachment): violation on assigneeId, code NOT_A_COLLEAGUE.",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem"), examples = @ExampleObject(
                    name = "notAColleague", value = Examples.NOT_A_COLLEAGUE)))
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    Response assign(@Parameter(description = ID) @PathParam("id") UUID id,
                    @Parameter(description = IF_MATCH, required = true) @HeaderParam("If-Match") String ifMatch,
                    @Valid @NotNull AssignRequest body);

    @GET
    @Path("/{id}/follow-ups")
    @Tag(name = "Follow-up")
    @Operation(operationId = "listFollowUps", summary = "Read the follow-up log", description = "Newest first: ALL_PARTIES entries, and AUTHOR_ORG entries of the"
            + " caller's own school, platform or organisation.")
    @APIResponse(responseCode = "200", description = "A page of entries.", content = @Content(
            schema = @Schema(implementation = Pages.FollowUpPage.class),
            examples = @ExampleObject(name = "log", value = Examples.FOLLOW_UP_PAGE)))
    Response followUps(@Parameter(description = ID) @PathParam("id") UUID id,
                       @Parameter(description = CasesApi.PAGE) @QueryParam("page") @Min(0) @Max(CasesApi.MAX_PAGE) Integer page,
                       @Parameter(description = CasesApi.SIZE) @QueryParam("size") @Min(1) @Max(100) Integer size);

    @POST
    @Path("/{id}/follow-ups")
    @Tag(name = "Follow-up")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createFollowUp", summary = "Add a follow-up entry", description = "By any party who sees the referral (usually the programme's"
            + " partner), once it is submitted.")
    @RequestBody(content = @Content(schema = @Schema(implementation = FollowUpCreateRequest.class),
            examples = @ExampleObject(name = "meeting", value = Examples.FOLLOW_UP_CREATE)))
    @APIResponse(responseCode = "201", description = "Added.",
            headers = @Header(name = "Idempotent-Replayed", ref = "IdempotentReplayed"),
            content = @Content(schema = @Schema(implementation = FollowUpView.class)))
    @APIResponse(responseCode = "409", ref = "Conflict")
    Response addFollowUp(@Parameter(description = ID) @PathParam("id") UUID id,
                         @Parameter(description = CasesApi.IDEMPOTENCY_KEY) @HeaderParam("Idempotency-Key") String idempotencyKey,
                         @Valid @NotNull FollowUpCreateRequest body);
}
