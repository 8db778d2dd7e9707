package fr.passerelle.directory.rest;

import fr.passerelle.common.security.Roles;
import fr.passerelle.common.problem.Problem;
import fr.passerelle.directory.api.SchoolImportReport;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/schools/import")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Organisations")
public interface SchoolImportApi {

    String CSV = "text/csv";
    String EXAMPLE = """
            Identifiant_de_l_etablissement;Nom_etablissement;Type_etablissement;Statut_public_prive;Adresse_1;Adresse_2;Adresse_3;Code_postal;Code_commune;Nom_commune;Code_departement;Code_academie;Code_region;Telephone;Mail
            0690047B;Lycée Magenta;Lycée;Public;64 rue Magenta;;;69100;69266;Villeurbanne;069;10;84;04 78 00 00 00;ce.0690047B@ac-lyon.fr
            """;
    String PROBLEM_HEADER = """
            {"type":"https://passerelle.example.org/problems/bad-request","title":"Bad request","status":400,
             "detail":"The first line must be the annuaire de l'éducation's header (';'-separated, with Identifiant_de_l_etablissement, …); nothing was imported.",
             "instance":"/api/v1/schools/import","requestId":"3f1c…",
             "violations":[{"field":"header","message":"the column Code_commune is missing","code":"MISSING_COLUMN"}]}""";


    @POST
    @Consumes(CSV)
    @RolesAllowed(Roles.DIRECTORY_ADMIN)
    @Operation(operationId = "importSchools", summary = "Import schools from the annuaire de l'éducation",
            description = "Directory editors only. The body is the national annuaire de l'éducation CSV (data.education.gouv.fr, "
                    + "fr-en-annuaire-education), or an extract of it: UTF-8 (a byte order mark is allowed), ';'-separated, "
                    + "fields optionally quoted, the header first, with at least the columns Identifiant_de_l_etablissement, "
                    + "Nom_etablissement, Type_etablissement, Statut_public_prive, Adresse_1, Code_postal, Code_commune and "
                    + "Nom_commune (others are ignored; Telephone and Mail give a new school's contacts). At most 256 KiB: "
                    + "import a département's extract at a time. Each school is upserted by UAI as an organisation of kind "
                    + "SCHOOL: a new UAI is created, a known one gets the annuaire's name and address (what editors wrote — "
                    + "description, contacts, website — is kept). A line is refused, with its number and reason, when its "
                    + "UAI is malformed or its check letter wrong, its commune code unknown, a required value empty, or its UAI "
                    + "already on an earlier line; the other lines are imported all the same. A wrong header refuses the whole "
                    + "file (400) and writes nothing. Importing the same file again changes nothing and reports every school "
                    + "UNCHANGED. With dryRun=true nothing is written and the report says what would happen. Every change goes "
                    + "to the directory's change log.")
    @RequestBody(required = true, content = @Content(mediaType = CSV, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING),
            examples = @ExampleObject(name = "one school", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The report, line by line.",
            content = @Content(schema = @Schema(implementation = SchoolImportReport.class)))
    @APIResponse(responseCode = "400", description = "Not the annuaire's header (a required column missing or twice), an empty "
            + "file, or text that is not CSV: nothing was imported.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "wrong header", value = PROBLEM_HEADER)))
    SchoolImportReport importSchools(
            @Parameter(description = "true: check and report, write nothing (default false).") @QueryParam("dryRun") Boolean dryRun,
            String csv);
}
