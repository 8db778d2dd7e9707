package fr.passerelle.common.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.common.problem.Problem;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.junit.jupiter.api.Test;

class ProblemResponsesFilterTest {

    private static Schema string() {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING);
    }

    /** PUT /api/v1/things/{id} with If-Match and a body, @RolesAllowed("directory-admin") as Quarkus writes it. */
    private static OpenAPI document() {
        Operation put = OASFactory.createOperation()
                .addParameter(OASFactory.createParameter().name("id").in(Parameter.In.PATH).schema(OASFactory.createSchema().ref("UUID")))
                .addParameter(OASFactory.createParameter().name("If-Match").in(Parameter.In.HEADER).schema(string()))
                .requestBody(OASFactory.createRequestBody().content(OASFactory.createContent().addMediaType("application/json",
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Thing")))))
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("200", OASFactory.createAPIResponse().description("ok")
                                .addHeader("ETag", OASFactory.createHeader().description("version")))
                        .addAPIResponse("401", OASFactory.createAPIResponse().description("Not Authorized"))
                        .addAPIResponse("409", OASFactory.createAPIResponse().description("Duplicate")
                                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Problem"))))))
                .addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme("bearer", List.of("directory-admin")));
        return OASFactory.createOpenAPI()
                .paths(OASFactory.createPaths().addPathItem("/api/v1/things/{id}", OASFactory.createPathItem().PUT(put)))
                .components(OASFactory.createComponents()
                        .addSchema("Thing", OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                                .addProperty("kind", OASFactory.createSchema().ref("Kind"))
                                .addProperty("name", string().pattern("(?s).*\\S.*"))
                                .addProperty("updatedAt", OASFactory.createSchema().ref("Instant").description("Last change.")))
                        .addSchema("Kind", string().addEnumeration("A").addEnumeration("B"))
                        .addSchema("Instant", string().format("date-time"))
                        .addSchema("UUID", string().format("uuid"))
                        .addSchema("Problem", OASFactory.createSchema().addType(Schema.SchemaType.OBJECT))
                        .addSchema("Orphan", OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)));
    }

    private static Operation filtered(OpenAPI openAPI) {
        new ProblemResponsesFilter().filterOpenAPI(openAPI);
        return openAPI.getPaths().getPathItem("/api/v1/things/{id}").getPUT();
    }

    @Test
    void everyProblemAnswerAWriteCanGiveRefersToASharedResponseThatExists() {
        OpenAPI openAPI = document();
        Operation put = filtered(openAPI);
        Map<String, String> expected = Map.of("400", "BadRequest", "401", "Unauthorized", "403", "Forbidden", "404", "NotFound",
                "412", "PreconditionFailed", "413", "PayloadTooLarge", "415", "UnsupportedMediaType", "422", "Unprocessable",
                "428", "PreconditionRequired", "500", "InternalError");
        expected.forEach((status, name) -> {
            assertEquals("#/components/responses/" + name, put.getResponses().getAPIResponse(status).getRef(), status);
            assertNotNull(openAPI.getComponents().getResponses().get(name), name);
        });
        // Only the shared responses used are defined: nothing refers to Conflict or ServiceUnavailable.
        assertFalse(openAPI.getComponents().getResponses().containsKey("Conflict"));
        assertFalse(openAPI.getComponents().getResponses().containsKey("ServiceUnavailable"));
    }

    @Test
    void anErrorResponseWrittenInlineKeepsItsWordsAndGetsAnExampleOfItsOwnStatus() {
        APIResponse conflict = filtered(document()).getResponses().getAPIResponse("409");
        assertEquals("Duplicate", conflict.getDescription());
        var examples = conflict.getContent().getMediaType(Problem.MEDIA_TYPE).getExamples();
        assertFalse(examples.isEmpty());
        examples.values().forEach(e -> assertEquals(409, ((Map<?, ?>) e.getValue()).get("status")));
    }

    @Test
    void everySharedExampleCarriesTheStatusOfItsResponse() {
        for (ProblemResponses.Named named : ProblemResponses.ALL) {
            assertFalse(named.examples().isEmpty(), named.name());
            named.examples().values().forEach(body ->
                    assertEquals(Integer.parseInt(named.status()), body.get("status"), named.name()));
        }
    }

    @Test
    void rolesMoveFromTheSecurityRequirementToXRolesAndTheDescription() {
        Operation put = filtered(document());
        assertEquals(List.of("directory-admin"), put.getExtensions().get("x-roles"));
        assertEquals(List.of(), put.getExtensions().get("x-scopes"));
        assertTrue(put.getDescription().contains("people with the role directory-admin"), put.getDescription());
        assertTrue(put.getDescription().contains("not open to other systems"), put.getDescription());
        assertEquals(List.of(), put.getSecurity().get(0).getSchemes().get("bearer"));
    }

    @Test
    void aRuleDocumentsScopesAndTheLongestMatchingPrefixWins() {
        OperationAccess access = new OperationAccess(List.of(
                new OperationAccess.Rule(java.util.Set.of("GET"), "/api", List.of("referent", "partner"), List.of("referrals:read")),
                new OperationAccess.Rule(java.util.Set.of("*"), "/api/v1/audit", List.of("auditor"), List.of())));
        Operation list = OASFactory.createOperation();
        access.document("/api/v1/referrals", org.eclipse.microprofile.openapi.models.PathItem.HttpMethod.GET, list);
        assertEquals(List.of("referent", "partner"), list.getExtensions().get("x-roles"));
        assertEquals(List.of("referrals:read"), list.getExtensions().get("x-scopes"));
        assertTrue(list.getDescription().contains("people with the role referent or partner; other systems (client credentials) "
                + "with the scope referrals:read"), list.getDescription());
        Operation audit = OASFactory.createOperation();
        access.document("/api/v1/audit", org.eclipse.microprofile.openapi.models.PathItem.HttpMethod.GET, audit);
        assertEquals(List.of("auditor"), audit.getExtensions().get("x-roles"));
        assertEquals(List.of(), audit.getExtensions().get("x-scopes"));
    }

    @Test
    void enumsAreExtensibleJdkTypesInlinedHeadersTypedAndPatternsEcma() {
        OpenAPI openAPI = document();
        Operation put = filtered(openAPI);
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        Schema kind = schemas.get("Kind");
        assertEquals(Boolean.TRUE, kind.getExtensions().get("x-extensible-enum"));
        assertTrue(kind.getDescription().contains("clients must accept values they do not know"));
        assertFalse(schemas.containsKey("Instant"));
        assertFalse(schemas.containsKey("UUID"));
        Schema updatedAt = schemas.get("Thing").getProperties().get("updatedAt");
        assertNull(updatedAt.getRef());
        assertEquals("date-time", updatedAt.getFormat());
        assertEquals("Last change.", updatedAt.getDescription());
        assertEquals("uuid", put.getParameters().get(0).getSchema().getFormat());
        assertEquals("[\\s\\S]*\\S[\\s\\S]*", schemas.get("Thing").getProperties().get("name").getPattern());
        assertEquals(List.of(Schema.SchemaType.STRING), put.getResponses().getAPIResponse("200").getHeaders().get("ETag").getSchema().getType());
    }

    @Test
    void javaDotAllPatternsBecomeEcmaOnesAndOthersStay() {
        assertEquals("[\\s\\S]*\\S[\\s\\S]*", DocumentHygiene.ecma("(?s).*\\S.*"));
        assertEquals("^[a-z.]+\\.x$", DocumentHygiene.ecma("^[a-z.]+\\.x$"));
        assertEquals("a[.][\\s\\S]", DocumentHygiene.ecma("(?s)a[.]."));
    }
}
