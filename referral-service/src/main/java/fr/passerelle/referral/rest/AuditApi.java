package fr.passerelle.referral.rest;

import fr.passerelle.referral.api.SubjectAccessExport;
import fr.passerelle.referral.api.SubjectAccessRequest;
import fr.passerelle.referral.api.Pages;
import fr.passerelle.referral.domain.AuditOperation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/audit")
@Tag(name = "Audit")
@Produces(MediaType.APPLICATION_JSON)
public interface AuditApi {

    @GET
    @Operation(operationId = "listAuditEntries", summary = "The access log", description = "Auditor only. One row per case each request touched (reads, lists,"
            + " triage, timelines and writes): who, role, attachment, when, operation, purpose, request id. No names. Newest"
            + " first. Reading the log is itself logged.")
    @APIResponse(responseCode = "200", description = "A page of rows.", content = @Content(
            schema = @Schema(implementation = Pages.AuditPage.class),
            examples = @ExampleObject(name = "log", value = Examples.AUDIT_PAGE)))
    Response search(@Parameter(description = "Rows about this case (its id).") @QueryParam("caseId") UUID caseId,
                    @Parameter(description = "Rows of this token subject (exact match, at most 255 characters).")
                    @QueryParam("subject") @Size(max = 255) String subject,
                    @Parameter(description = "Rows of this operation, e.g. CASE_READ.") @QueryParam("operation") AuditOperation operation,
                    @Parameter(description = "Rows on or after this date (Paris time), e.g. 2026-11-01.") @QueryParam("from") LocalDate from,
                    @Parameter(description = "Rows on or before this date (Paris time), e.g. 2026-11-30.") @QueryParam("to") LocalDate to,
                    @Parameter(description = CasesApi.PAGE) @QueryParam("page") @Min(0) @Max(CasesApi.MAX_PAGE) Integer page,
                    @Parameter(description = CasesApi.SIZE) @QueryParam("size") @Min(1) @Max(100) Integer size);

    @POST
    @Path("/subject-access")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "exportSubjectAccess", summary = "Subject-access export", description = "Auditor only. Everything held on one person (by case id, INE, or"
            + " names + birth date): cases in full, referrals, timelines with details, every follow-up entry, and the access log"
            + " of each case. The export is itself recorded in the audit trail.")
    @RequestBody(content = @Content(schema = @Schema(implementation = SubjectAccessRequest.class),
            examples = @ExampleObject(name = "byIne", value = Examples.SUBJECT_ACCESS)))
    @APIResponse(responseCode = "200", description = "The export (cases is empty when nothing is held).",
            content = @Content(schema = @Schema(implementation = SubjectAccessExport.class)))
    Response subjectAccess(@Valid @NotNull SubjectAccessRequest body);
}
