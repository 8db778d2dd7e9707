package fr.passerelle.directory.rest;

import fr.passerelle.common.codes.SchoolLevel;
import fr.passerelle.common.codes.SchoolingStatus;
import fr.passerelle.common.problem.Problem;
import fr.passerelle.directory.api.Codes;
import fr.passerelle.directory.api.EligibilityAnswer;
import fr.passerelle.directory.domain.DiplomaLevel;
import fr.passerelle.directory.domain.Gender;
import fr.passerelle.directory.domain.Requirement;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** "Does this young person fit programme X, and why not?": the matching rules applied to one programme. */
@Path("/api/v1/programmes/{id}/eligibility")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Programmes")
public interface EligibilityApi {

    String FITS = """
            {"programmeId":"319ee441-a093-4f4c-b58a-17412b02411d","age":17,"fits":true,"open":true,"territoryFit":2,
             "reasons":[{"code":"DEPARTEMENT_SERVED","label":"Le département de résidence est desservi"},
                        {"code":"AUDIENCE_YOUNG_PERSON","label":"Le dispositif s'adresse aux jeunes"},
                        {"code":"AGE_IN_RANGE","label":"L'âge correspond au public accueilli"},
                        {"code":"NOT_STATED","label":"Niveau scolaire accueilli non renseigné"},
                        {"code":"NOT_STATED","label":"Situation scolaire accueillie non renseignée"},
                        {"code":"PLACES_UNKNOWN","label":"Places disponibles non renseignées"}],
             "notStated":["SCHOOL_LEVEL","SCHOOLING_STATUS"],"mismatches":[]}""";
    String DOES_NOT_FIT = """
            {"programmeId":"319ee441-a093-4f4c-b58a-17412b02411d","age":15,"fits":false,"open":true,"territoryFit":2,
             "reasons":[{"code":"DEPARTEMENT_SERVED","label":"Le département de résidence est desservi"},
                        {"code":"AUDIENCE_YOUNG_PERSON","label":"Le dispositif s'adresse aux jeunes"},
                        {"code":"PLACES_AVAILABLE","label":"Des places sont disponibles"}],
             "notStated":[],
             "mismatches":[{"code":"AGE_BELOW_MINIMUM","label":"Plus jeune que l'âge minimum accueilli"},
                           {"code":"SCHOOLING_STATUS","label":"Situation scolaire non accueillie"},
                           {"code":"QPV_RESIDENCE","label":"Résidence en quartier prioritaire (QPV) exigée"}]}""";
    String PROBLEM_400 = """
            {"type":"https://passerelle.example.org/problems/bad-request","title":"Bad request","status":400,
             "detail":"A parameter is invalid.","instance":"/api/v1/programmes/319ee441-a093-4f4c-b58a-17412b02411d/eligibility",
             "requestId":"3f1c…","violations":[{"field":"communeCode","message":"unknown INSEE commune code","code":"UNKNOWN_COMMUNE"}]}""";
    String PROBLEM_404 = """
            {"type":"https://passerelle.example.org/problems/not-found","title":"Not found","status":404,
             "detail":"Programme 5d0c… was not found.","instance":"/api/v1/programmes/5d0c…/eligibility","requestId":"3f1c…"}""";

    @GET
    @Operation(operationId = "checkProgrammeEligibility", summary = "Does a young person fit this programme, and why not?",
            description = "The criteria of matchProgrammes, as query parameters, checked against one programme: exactly one of "
                    + "birthDate or age; schoolLevel, schoolingStatus and communeCode required; the other facts optional (an "
                    + "undeclared condition gives NOT_DECLARED, never a fit nor a mismatch). Every criterion is checked: "
                    + "mismatches lists all the rules not met. Answered for a closed or archived programme too (open says "
                    + "so). No identity is sent and nothing is stored; prefer age to birthDate, which a URL carries.")
    @APIResponse(responseCode = "200", description = "The answer: fits, the reasons, the unknown criteria and the mismatches.",
            content = @Content(schema = @Schema(implementation = EligibilityAnswer.class), examples = {
                    @ExampleObject(name = "fits", value = FITS),
                    @ExampleObject(name = "does not fit", value = DOES_NOT_FIT)}))
    @APIResponse(responseCode = "400", description = "Bad criteria: a required one missing, both or neither of birthDate and "
            + "age, a value out of range, an unknown code or INSEE commune code.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown commune", value = PROBLEM_400)))
    @APIResponse(responseCode = "404", description = "Unknown programme.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown", value = PROBLEM_404)))
    EligibilityAnswer check(
            @Parameter(description = ApiDocs.PROGRAMME_ID) @PathParam("id") UUID id,
            @Parameter(description = "Birth date, e.g. 2009-03-14 (the age is computed as of today, Europe/Paris); or age.")
            @QueryParam("birthDate") @Past LocalDate birthDate,
            @Parameter(description = "Age in years, e.g. 17; or birthDate.") @QueryParam("age") @Min(0) @Max(30) Integer age,
            @Parameter(description = "School level, e.g. NONE.", required = true) @QueryParam("schoolLevel") @NotNull SchoolLevel schoolLevel,
            @Parameter(description = "Schooling status, e.g. LEFT_SCHOOL.", required = true)
            @QueryParam("schoolingStatus") @NotNull SchoolingStatus schoolingStatus,
            @Parameter(description = "INSEE code of the home commune, e.g. 69266.", required = true)
            @QueryParam("communeCode") @NotNull @Pattern(regexp = Codes.COMMUNE, message = Codes.COMMUNE_MESSAGE) String communeCode,
            @Parameter(description = "Lives in a priority neighbourhood (QPV); unknown when absent.") @QueryParam("livesInQpv") Boolean livesInQpv,
            @Parameter(description = "Highest diploma held, e.g. CAP_BEP; unknown when absent.")
            @QueryParam("highestDiploma") DiplomaLevel highestDiploma,
            @Parameter(description = "Only to check a GIRLS_ONLY requirement, e.g. FEMALE.") @QueryParam("gender") Gender gender,
            @Parameter(description = "Under a court decision; only to check a COURT_DECISION requirement.")
            @QueryParam("underCourtOrder") Boolean underCourtOrder,
            @Parameter(description = "Has a recognised disability: opens a programme's extended age limit.")
            @QueryParam("hasDisabilityRecognition") Boolean hasDisabilityRecognition,
            @Parameter(description = "Months since leaving school, e.g. 8.") @QueryParam("monthsOutOfSchool") @Min(0) @Max(600)
            Integer monthsOutOfSchool,
            @Parameter(description = "Other requirements met, repeated, e.g. NOT_IN_EMPLOYMENT_OR_TRAINING.")
            @QueryParam("requirementsMet") List<@NotNull Requirement> requirementsMet);
}
