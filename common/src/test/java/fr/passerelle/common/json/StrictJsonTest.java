package fr.passerelle.common.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.common.problem.Problem;
import fr.passerelle.common.problem.ProblemMappers;
import fr.passerelle.common.problem.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Strict parsing as the services' ObjectMapper does it, and the violation each refusal becomes. */
class StrictJsonTest {

    enum Purpose { REFERRAL }

    record Consent(String givenBy, Purpose purpose) {
    }

    record Guardian(String firstName) {
    }

    record Pupil(String firstName, Consent consent, List<Guardian> guardians, List<String> tags, @MultilineText String context) {
    }

    record Typed(Integer age, Boolean livesInQpv, java.time.LocalDate birthDate, java.util.UUID caseId) {
    }

    private final ObjectMapper json = StrictJson.apply(new ObjectMapper());

    @Test
    void ordinaryTextIsRead() throws Exception {
        Pupil p = json.readValue("{\"firstName\":\"Léa 😀\",\"context\":\"ligne 1\\n\\tligne 2\\r\\n\",\"tags\":[\"a\"]}", Pupil.class);
        assertEquals("Léa 😀", p.firstName());
        assertEquals("ligne 1\n\tligne 2\r\n", p.context());
    }

    @Test
    void nulAndOtherControlCharactersAreRefusedWithTheFieldPath() {
        assertViolation("{\"firstName\":\"A\\u0000B\"}", "firstName", "CONTROL_CHARACTER");
        assertViolation("{\"firstName\":\"A\\tB\"}", "firstName", "CONTROL_CHARACTER");
        assertViolation("{\"firstName\":\"A\\u001bB\"}", "firstName", "CONTROL_CHARACTER");
        assertViolation("{\"firstName\":\"A\\u0085B\"}", "firstName", "CONTROL_CHARACTER");
        assertViolation("{\"consent\":{\"givenBy\":\"GUARDIAN\\u0000\"}}", "consent.givenBy", "CONTROL_CHARACTER");
        assertViolation("{\"guardians\":[{\"firstName\":\"ok\"},{\"firstName\":\"\\u0007\"}]}", "guardians[1].firstName", "CONTROL_CHARACTER");
        assertViolation("{\"tags\":[\"a\",\"\\u0000\"]}", "tags[1]", "CONTROL_CHARACTER");
    }

    @Test
    void enumCodesAreNotTrimmedOfControlCharacters() {
        assertViolation("{\"consent\":{\"purpose\":\"REFERRAL\\u0000\"}}", "consent.purpose", "CONTROL_CHARACTER");
        assertViolation("{\"consent\":{\"purpose\":\"\\u0000REFERRAL\"}}", "consent.purpose", "CONTROL_CHARACTER");
        assertViolation("{\"consent\":{\"purpose\":\"REFERAL\"}}", "consent.purpose", "UNKNOWN_VALUE");
    }

    @Test
    void multilineFieldsAcceptLineBreaksButNotNul() {
        assertViolation("{\"context\":\"a\\u0000\"}", "context", "CONTROL_CHARACTER");
        assertViolation("{\"context\":\"a\\u000b\"}", "context", "CONTROL_CHARACTER");
    }

    @Test
    void loneSurrogatesAreRefused() {
        assertViolation("{\"firstName\":\"A\\ud800B\"}", "firstName", "INVALID_ENCODING");
        assertViolation("{\"firstName\":\"A\\udc00\"}", "firstName", "INVALID_ENCODING");
    }

    @Test
    void trailingDataIsRefused() {
        assertViolation("{}{}", "body", "TRAILING_DATA");
        assertViolation("{\"firstName\":\"A\"} 12", "body", "TRAILING_DATA");
        assertViolation("{\"firstName\":\"A\"} garbage", "body", "MALFORMED_JSON");
    }

    @Test
    void aKeyGivenTwiceIsRefusedWithItsPath() {
        assertViolation("{\"firstName\":\"A\",\"firstName\":\"B\"}", "firstName", "DUPLICATE_PROPERTY");
        assertViolation("{\"consent\":{\"purpose\":\"REFERRAL\",\"purpose\":\"REFERRAL\"}}", "consent.purpose", "DUPLICATE_PROPERTY");
        assertViolation("{\"guardians\":[{\"firstName\":\"A\",\"firstName\":\"B\"}]}", "guardians[0].firstName", "DUPLICATE_PROPERTY");
    }

    @Test
    void strictUtf8() {
        assertEquals(true, TextRules.isUtf8("été 😀".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals(false, TextRules.isUtf8(new byte[] {'"', (byte) 0xC0, (byte) 0xAF, '"'}), "overlong /");
        assertEquals(false, TextRules.isUtf8(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}), "encoded surrogate");
        assertEquals(false, TextRules.isUtf8(new byte[] {(byte) 0xC3}), "truncated");
        assertEquals(false, TextRules.isUtf8(new byte[] {(byte) 0xFF}));
    }

    @Test
    void valuesOfTheWrongTypeAreNotCoerced() throws Exception {
        assertViolation("{\"firstName\":123}", "firstName", "WRONG_TYPE");
        assertViolation("{\"firstName\":true}", "firstName", "WRONG_TYPE");
        assertViolation("{\"firstName\":1.5}", "firstName", "WRONG_TYPE");
        assertTypedViolation("{\"age\":\"17\"}", "age");
        assertTypedViolation("{\"age\":1.5}", "age");
        assertTypedViolation("{\"age\":\"\"}", "age");
        assertTypedViolation("{\"livesInQpv\":\"true\"}", "livesInQpv");
        assertTypedViolation("{\"livesInQpv\":1}", "livesInQpv");
        assertTypedViolation("{\"birthDate\":\"\"}", "birthDate");
        assertTypedViolation("{\"birthDate\":14000}", "birthDate");
        assertTypedViolation("{\"birthDate\":\"2010-03-14T00:00:00\"}", "birthDate");
        assertTypedViolation("{\"caseId\":\"\"}", "caseId");
        Typed ok = typed.readValue("{\"age\":17,\"livesInQpv\":false,\"birthDate\":\"2010-03-14\","
                + "\"caseId\":\"505253b6-75da-4eaf-b941-3fca072d1ad5\"}", Typed.class);
        assertEquals(17, ok.age());
        assertEquals(java.time.LocalDate.of(2010, 3, 14), ok.birthDate());
    }

    private final ObjectMapper typed = StrictJson.apply(new ObjectMapper().findAndRegisterModules());

    private void assertTypedViolation(String body, String field) {
        JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> typed.readValue(body, Typed.class), body);
        Problem problem = (Problem) new ProblemMappers().unreadableJson(e, null).getEntity();
        assertEquals(400, problem.status, body);
        assertEquals(List.of(field), problem.violations.stream().map(Violation::field).toList(), body);
    }

    private void assertViolation(String body, String field, String code) {
        JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> json.readValue(body, Pupil.class), body);
        Problem problem = (Problem) new ProblemMappers().unreadableJson(e, null).getEntity();
        assertEquals(400, problem.status);
        assertEquals(List.of(field), problem.violations.stream().map(Violation::field).toList(), body);
        assertEquals(code, problem.violations.get(0).code(), body);
    }
}
