package fr.passerelle.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContractDriftTest {

    private static final String V1 = """
            {"openapi":"3.1.0","info":{"title":"t","version":"1.0.0"},
             "paths":{
               "/things":{"get":{"operationId":"listThings","responses":{"200":{"description":"ok",
                 "content":{"application/json":{"schema":{"$ref":"#/components/schemas/Thing"}}}}}}},
               "/things/{id}":{"get":{"operationId":"getThing","parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"string"}}],
                 "responses":{"200":{"description":"ok"}}}}},
             "components":{"schemas":{"Thing":{"type":"object","required":["name"],"properties":{"name":{"type":"string"},"note":{"type":["string","null"]}}}}}}
            """;

    @TempDir
    Path dir;

    private Path committed(String document) throws Exception {
        Path file = dir.resolve("api.yaml");
        Files.writeString(file, ContractDrift.toYaml(ContractDrift.parse(document)));
        return file;
    }

    @Test
    void theSameDocumentInAnotherKeyOrderAndSyntaxIsNoChange() throws Exception {
        Path file = committed(V1);
        String reordered = V1.replace("\"info\":{\"title\":\"t\",\"version\":\"1.0.0\"}", "\"info\":{\"version\":\"1.0.0\",\"title\":\"t\"}");
        assertTrue(ContractDrift.verify(reordered, file, ContractDrift.Accept.NONE).unchanged());
    }

    @Test
    void aRemovedOperationIsBreakingAndOnlyADeliberateAcceptWritesIt() throws Exception {
        Path file = committed(V1);
        com.fasterxml.jackson.databind.node.ObjectNode doc = (com.fasterxml.jackson.databind.node.ObjectNode) ContractDrift.parse(V1);
        ((com.fasterxml.jackson.databind.node.ObjectNode) doc.get("paths")).remove("/things/{id}");
        String v2 = doc.toString();
        AssertionError refused = assertThrows(AssertionError.class, () -> ContractDrift.verify(v2, file, ContractDrift.Accept.COMPATIBLE));
        assertTrue(refused.getMessage().contains("BREAKING"), refused.getMessage());
        assertTrue(refused.getMessage().contains("/paths/~1things~1{id}"), refused.getMessage());
        assertEquals(ContractDrift.parse(V1), ContractDrift.parse(ContractDrift.read(file)));
        ContractDrift.Result accepted = ContractDrift.verify(v2, file, ContractDrift.Accept.BREAKING);
        assertTrue(accepted.breaking() && accepted.written());
        assertEquals(ContractDrift.parse(v2), ContractDrift.parse(ContractDrift.read(file)));
    }

    @Test
    void anAddedOperationIsCompatibleAndAcceptedAsSuch() throws Exception {
        Path file = committed(V1);
        String v2 = V1.replace("\"paths\":{", "\"paths\":{\"/extra\":{\"get\":{\"operationId\":\"extra\",\"responses\":{\"200\":{\"description\":\"ok\"}}}},");
        assertThrows(AssertionError.class, () -> ContractDrift.verify(v2, file, ContractDrift.Accept.NONE));
        ContractDrift.Result result = ContractDrift.verify(v2, file, ContractDrift.Accept.COMPATIBLE);
        assertFalse(result.breaking());
        assertTrue(result.written());
    }

    @Test
    void aRequiredParameterAddedIsBreaking() throws Exception {
        Path file = committed(V1);
        String v2 = V1.replace("\"get\":{\"operationId\":\"listThings\",", "\"get\":{\"operationId\":\"listThings\","
                + "\"parameters\":[{\"name\":\"kind\",\"in\":\"query\",\"required\":true,\"schema\":{\"type\":\"string\"}}],");
        AssertionError refused = assertThrows(AssertionError.class, () -> ContractDrift.verify(v2, file, ContractDrift.Accept.COMPATIBLE));
        assertTrue(refused.getMessage().contains("BREAKING"), refused.getMessage());
    }

    @Test
    void aNullableMemberMadeAnotherTypeIsBreaking() throws Exception {
        Path file = committed(V1);
        String v2 = V1.replace("\"note\":{\"type\":[\"string\",\"null\"]}", "\"note\":{\"type\":[\"integer\",\"null\"]}");
        AssertionError refused = assertThrows(AssertionError.class, () -> ContractDrift.verify(v2, file, ContractDrift.Accept.COMPATIBLE));
        assertTrue(refused.getMessage().contains("BREAKING"), refused.getMessage());
    }

    @Test
    void aPropertyTypeChangedIsBreaking() throws Exception {
        Path file = committed(V1);
        String v2 = V1.replace("\"name\":{\"type\":\"string\"}", "\"name\":{\"type\":\"integer\"}");
        AssertionError refused = assertThrows(AssertionError.class, () -> ContractDrift.verify(v2, file, ContractDrift.Accept.COMPATIBLE));
        assertTrue(refused.getMessage().contains("BREAKING"), refused.getMessage());
    }

    @Test
    void aMissingCommittedFileIsWrittenOnlyWhenAsked() {
        Path file = dir.resolve("new.yaml");
        assertThrows(AssertionError.class, () -> ContractDrift.verify(V1, file, ContractDrift.Accept.NONE));
        assertTrue(ContractDrift.verify(V1, file, ContractDrift.Accept.COMPATIBLE).written());
        assertEquals(ContractDrift.parse(V1), ContractDrift.parse(ContractDrift.read(file)));
    }
}
