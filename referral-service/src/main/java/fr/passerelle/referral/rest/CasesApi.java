package fr.passerelle.referral.rest;

import fr.passerelle.referral.api.CaseCloseRequest;
import fr.passerelle.referral.api.CaseCreateRequest;
import fr.passerelle.referral.api.CaseMergeRequest;
import fr.passerelle.referral.api.CasePatchRequest;
import fr.passerelle.referral.api.CaseView;
import fr.passerelle.referral.api.ConsentWithdrawalRequest;
import fr.passerelle.referral.api.Pages;
import fr.passerelle.referral.domain.CaseStatus;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/cases")
@Tag(name = "Cases")
@Produces(MediaType.APPLICATION_JSON)
public interface CasesApi {

    String ID = "The case's id.";
    String IF_MATCH = "The ETag of the case as last read (e.g. \"v3\").";
    String IDEMPOTENCY_KEY = "Any unique string (e.g. a UUID): a retry with the same key and body replays the first answer;"
            + " another body with the same key is 422; a duplicate while the first is in flight is 409. Kept 24 h.";
    String PAGE = "Zero-based page number (0 to 1000000), default 0; e.g. page=2.";
    String SIZE = "Items per page (1 to 100), default 20; e.g. size=50.";
    int MAX_PAGE = 1_000_000;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createCase", summary = "Create a case",
            description = "A referent creates a case for a pupil of their school (schoolUai is the token's uai); a coordinator for a"
                    + " young person who left school (no schoolUai). Consent: GUARDIAN for a minor at the consent date,"
                    + " YOUNG_PERSON from 18. The home commune must be known to the directory. An INE must have a valid check"
                    + " letter (400 on ine otherwise). A second open case with the same INE, or the same names + birth date +"
                    + " school (case, accents and invisible characters ignored), answers 409 with existingId. Near matches with"
                    + " the same birth date among the cases the caller may see (a typo, swapped names, a compound name with a part"
                    + " missing...) do not prevent the creation: the answer lists them in possibleDuplicates.")
    @RequestBody(content = @Content(schema = @Schema(implementation = CaseCreateRequest.class),
            examples = @ExampleObject(name = "pupil", value = Examples.CASE_CREATE)))
    @APIResponse(responseCode = "201", description = "Created.",
            headers = {@Header(name = "Location", ref = "Location"), @Header(name = "ETag", ref = "ETag"),
                    @Header(name = "Idempotent-Replayed", ref = "IdempotentReplayed")},
            content = @Content(schema = @Schema(implementation = CaseView.class),
                    examples = @ExampleObject(name = "created", value = Examples.CASE_CREATED)))
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    Response create(@Parameter(description = IDEMPOTENCY_KEY) @HeaderParam("Idempotency-Key") String idempotencyKey,
                    @Valid @NotNull CaseCreateRequest body);

    @GET
    @Operation(operationId = "listCases", summary = "List the caller's cases",
            description = "Referent: the school's cases. Coordinator: cases the platform created or coordinates. Partner: cases of"
                    + " its referrals (minimised view). Newest change first. Filters narrow the list, always within the caller's"
                    + " scope: q finds the young people whose first name, last name, \"first last\" or \"last first\" STARTS"
                    + " with it (case and accents ignored), or whose INE is it (exact); birthDate keeps one birth date;"
                    + " assignee=me keeps the cases with a referral assigned to the caller, assignee=none those with no referral"
                    + " in the hands of the caller's party. A case merged into another is never listed. Each returned case is"
                    + " recorded in the audit trail.")
    @APIResponse(responseCode = "200", description = "A page of cases.", content = @Content(
            schema = @Schema(implementation = Pages.CasePage.class), examples = @ExampleObject(name = "page",
            value = "{\"items\":[" + Examples.CASE_VIEW + "],\"page\":0,\"size\":20,\"totalItems\":1}")))
    Response list(@Parameter(description = "Only cases in this status (OPEN or CLOSED); all when absent.") @QueryParam("status") CaseStatus status,
                  @Parameter(description = "Search text (up to 100 characters; blank: no search): the beginning of a first or last"
                          + " name, or of \"first last\" or \"last first\", case and accents ignored; or an INE; e.g. q=ines,"
                          + " q=martin li or q=123456789AB.") @QueryParam("q") @Size(max = 100) String q,
                  @Parameter(description = "Only young people born on this day, e.g. birthDate=2010-03-14.")
                  @QueryParam("birthDate") LocalDate birthDate,
                  @Parameter(description = "me: only cases with a referral assigned to the caller (its token's sub); none: only"
                          + " cases none of whose referrals is assigned to a member of the caller's party; all when absent.",
                          schema = @Schema(type = SchemaType.STRING, enumeration = {"me", "none"}))
                  @QueryParam("assignee") String assignee,
                  @Parameter(description = PAGE) @QueryParam("page") @Min(0) @Max(MAX_PAGE) Integer page,
                  @Parameter(description = SIZE) @QueryParam("size") @Min(1) @Max(100) Integer size);

    @GET
    @Path("/{id}")
    @Operation(operationId = "getCase", summary = "Read a case", description = "The view depends on the caller (FULL or MINIMAL); ETag for PATCH and actions."
            + " A case merged into another answers 404; when the caller may read the surviving case, the problem names it in"
            + " existingId.")
    @APIResponse(responseCode = "200", description = "The case.", headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(schema = @Schema(implementation = CaseView.class),
                    examples = @ExampleObject(name = "case", value = Examples.CASE_VIEW)))
    Response get(@Parameter(description = ID) @PathParam("id") UUID id);

    @PATCH
    @Path("/{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(operationId = "patchCase", summary = "Correct a case", description = "Correct identity, update level, commune, guardians. The school cannot change."
            + " Only the case's school referent or creating platform. The answer lists possibleDuplicates as a creation does.")
    @RequestBody(content = @Content(schema = @Schema(implementation = CasePatchRequest.class),
            examples = @ExampleObject(name = "newLevel", value = Examples.CASE_PATCH)))
    @APIResponse(responseCode = "200", description = "The corrected case.", headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    Response patch(@Parameter(description = ID) @PathParam("id") UUID id,
                   @Parameter(description = IF_MATCH, required = true) @HeaderParam("If-Match") String ifMatch,
                   @Valid @NotNull CasePatchRequest body);

    @GET
    @Path("/{id}/timeline")
    @Operation(operationId = "getCaseTimeline", summary = "A case's timeline", description = "Every lifecycle action, oldest first. A partner sees only its own"
            + " referrals' events.")
    @APIResponse(responseCode = "200", description = "A page of events.", content = @Content(
            schema = @Schema(implementation = Pages.TimelinePage.class),
            examples = @ExampleObject(name = "timeline", value = Examples.TIMELINE_PAGE)))
    Response timeline(@Parameter(description = ID) @PathParam("id") UUID id,
                      @Parameter(description = PAGE) @QueryParam("page") @Min(0) @Max(MAX_PAGE) Integer page,
                      @Parameter(description = SIZE) @QueryParam("size") @Min(1) @Max(100) Integer size);

    @POST
    @Path("/{id}/merge")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "mergeCase", summary = "Merge a duplicate case into this one",
            description = "Platform coordinators only (403 otherwise); both cases must be in the coordinator's scope (404 otherwise),"
                    + " whichever school or platform holds them. The duplicate's referrals, follow-ups and timeline events move to"
                    + " this case (its timeline then shows both histories and a CASE_MERGED event naming the duplicate's id); the"
                    + " duplicate is closed with reason MERGED, is no longer listed, and reading it answers 404 naming this case"
                    + " (existingId). Audited (CASE_MERGED). 422 when duplicateId is this case; 409 when the duplicate was already"
                    + " merged, when a case is anonymised, or when both hold an open referral to the same target.")
    @Extension(name = "x-roles", value = "coordinator")
    @Extension(name = "x-scopes", value = "referrals:write")
    @RequestBody(content = @Content(schema = @Schema(implementation = CaseMergeRequest.class),
            examples = @ExampleObject(name = "merge", value = Examples.CASE_MERGE)))
    @APIResponse(responseCode = "200", description = "The surviving case.", headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "409", ref = "Conflict")
    Response merge(@Parameter(description = ID + " The surviving case.") @PathParam("id") UUID id,
                   @Parameter(description = IF_MATCH + " Of the surviving case.", required = true) @HeaderParam("If-Match") String ifMatch,
                   @Valid @NotNull CaseMergeRequest body);

    @POST
    @Path("/{id}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "closeCase", summary = "Close a case", description = "Only with no open referral left (409 lists them). Retention erases the"
            + " personal data of cases closed longer than the configured period.")
    @RequestBody(required = false, content = @Content(schema = @Schema(implementation = CaseCloseRequest.class),
            examples = @ExampleObject(name = "close", value = Examples.CASE_CLOSE)))
    @APIResponse(responseCode = "200", description = "The closed case.", headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "409", ref = "Conflict")
    Response close(@Parameter(description = ID) @PathParam("id") UUID id,
                   @Parameter(description = IF_MATCH, required = true) @HeaderParam("If-Match") String ifMatch,
                   @Valid CaseCloseRequest body);

    @POST
    @Path("/{id}/consent/withdraw")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "withdrawConsent", summary = "Record a consent withdrawal", description = "Cancels every open referral of the case (reason"
            + " CONSENT_WITHDRAWN, even one in progress) and closes the case.")
    @RequestBody(required = false, content = @Content(schema = @Schema(implementation = ConsentWithdrawalRequest.class),
            examples = @ExampleObject(name = "withdraw", value = Examples.CONSENT_WITHDRAW)))
    @APIResponse(responseCode = "200", description = "The closed case.", headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "409", ref = "Conflict")
    Response withdrawConsent(@Parameter(description = ID) @PathParam("id") UUID id,
                             @Parameter(description = IF_MATCH, required = true) @HeaderParam("If-Match") String ifMatch,
                             @Valid ConsentWithdrawalRequest body);
}
