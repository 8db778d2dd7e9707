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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
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
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @Operation(operationId = "getStats", summary = "Referral statistics", description = "Counts by status, platform, programme and"
            + " outcome; time from submission to first response; acceptance rate; positive-exit rate; with groupBy, a table."
            + " Drafts are not counted.\n\n"
            + "**Scope** (from the token, stated in `scope`): a referent gets the referrals filed from their school, a"
            + " coordinator those its platform filed or coordinates, partner staff those addressed to their organisation's"
            + " programmes, an auditor or a directory editor (or a system without an attachment) the territory. A filter"
            + " outside the scope (another platform for a coordinator, another organisation's programme for partner staff) is"
            + " refused with 403: platforms and programmes are public, so a 404 would hide nothing.\n\n"
            + "**Secret statistique:** no personal data; a count from 1 to 4 is never published (value null, hidden=true), and"
            + " further counts are hidden until none of the hidden ones can be recomputed from the published counts and"
            + " totals (complementary suppression, checked across the breakdowns of one answer). True zeros are published.\n\n"
            + "**CSV:** with `Accept: text/csv` the same figures come as a file for French spreadsheets: UTF-8 with BOM,"
            + " `;` separator, CRLF, French headings, decimal comma, hidden counts written `s`; the first lines state the"
            + " scope and the period; Content-Disposition names the file"
            + " passerelle-statistiques-<scope>-<from>-<to>.csv. Any other Accept: 406 (problem+json).")
    @APIResponse(responseCode = "200", description = "The statistics.",
            headers = @Header(name = "Content-Disposition", description = "With text/csv only: attachment and the file name.",
                    schema = @Schema(type = SchemaType.STRING)),
            content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StatsView.class),
                            examples = {@ExampleObject(name = "term", value = Examples.STATS),
                                    @ExampleObject(name = "bySchool", value = Examples.STATS_BY_SCHOOL)}),
                    @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING),
                            examples = @ExampleObject(name = "bySchool", value = Examples.STATS_CSV))})
    @APIResponse(responseCode = "406", description = "The Accept header asks for neither application/json nor text/csv.",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem"),
                    examples = @ExampleObject(name = "xml", value = Examples.NOT_ACCEPTABLE)))
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    Response stats(@Parameter(description = "Referrals submitted on or after this date (Europe/Paris), e.g. 2026-09-01.")
                   @QueryParam("from") LocalDate from,
                   @Parameter(description = "Referrals submitted on or before this date (Europe/Paris, inclusive), e.g."
                           + " 2027-08-31; not before from, and at most 5 years after it.")
                   @QueryParam("to") LocalDate to,
                   @Parameter(description = "Only referrals this platform coordinates (its id). A coordinator may name only its"
                           + " own platform.") @QueryParam("platformId") UUID platformId,
                   @Parameter(description = "Only referrals to this programme (its id). Partner staff may name only their"
                           + " organisation's programmes.") @QueryParam("programmeId") UUID programmeId,
                   @Parameter(description = "Adds a table with one row per month (YYYY-MM, of submission), origin school (UAI),"
                           + " reason, programme, home commune (INSEE code), urgency, or outcome (situation at completion, 6 and"
                           + " 12 months after). Any other value: 400.",
                           schema = @Schema(type = SchemaType.STRING,
                                   enumeration = {"month", "school", "reason", "programme", "commune", "urgency", "outcome"}))
                   @QueryParam("groupBy") String groupBy);
}
