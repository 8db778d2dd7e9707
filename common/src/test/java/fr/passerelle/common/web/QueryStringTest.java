package fr.passerelle.common.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.common.problem.Violation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryStringTest {

    private static final Map<String, Boolean> INBOX = declared("status", false, "page", false, "size", false, "tag", true);

    @Test
    void declaredParametersGivenOncePass() {
        assertTrue(QueryString.check("status=SUBMITTED&page=0&size=20", INBOX).isEmpty());
        assertTrue(QueryString.check(null, INBOX).isEmpty());
        assertTrue(QueryString.check("", Map.of()).isEmpty());
        assertTrue(QueryString.check("status=&&page=1", INBOX).isEmpty());
        assertTrue(QueryString.check("tag=a&tag=b", INBOX).isEmpty(), "a list parameter may repeat");
        assertTrue(QueryString.check("status=%C3%A9t%C3%A9+x", INBOX).isEmpty());
    }

    @Test
    void anUnknownParameterIsNamed() {
        List<Violation> v = QueryString.check("caseId=6b1d&status=SUBMITTED", INBOX);
        assertEquals(List.of("caseId"), v.stream().map(Violation::field).toList());
        assertEquals(QueryString.UNKNOWN_PARAMETER, v.get(0).code());
        assertEquals("unknown parameter; expected one of: status, page, size, tag", v.get(0).message());
        assertEquals(QueryString.UNKNOWN_PARAMETER, QueryString.check("x=1", Map.of()).get(0).code());
    }

    @Test
    void aSingleValuedParameterGivenTwiceIsNamedOnce() {
        List<Violation> v = QueryString.check("status=SUBMITTED&status=RECEIVED&status=ACCEPTED", INBOX);
        assertEquals(1, v.size());
        assertEquals("status", v.get(0).field());
        assertEquals(QueryString.REPEATED_PARAMETER, v.get(0).code());
    }

    @Test
    void controlCharactersAreRefusedEvenWhereTrimmingWouldHideThem() {
        for (String value : List.of("SUBMITTED%00", "%00", "a%09b", "a%0Ab", "a%7F", "a%C2%85")) {
            List<Violation> v = QueryString.check("status=" + value, INBOX);
            assertEquals(1, v.size(), value);
            assertEquals("CONTROL_CHARACTER", v.get(0).code(), value);
            assertEquals("status", v.get(0).field());
        }
    }

    @Test
    void valuesThatAreNotPercentEncodedUtf8AreRefused() {
        for (String value : List.of("%", "%4", "%zz", "%C0%AF", "%ED%A0%80", "%FF")) {
            List<Violation> v = QueryString.check("status=" + value, INBOX);
            assertEquals("INVALID_ENCODING", v.get(0).code(), value);
        }
    }

    @Test
    void decodingFollowsJaxRs() {
        assertEquals("a b", QueryString.decode("a+b"));
        assertEquals("été", QueryString.decode("%C3%A9t%C3%A9"));
        assertEquals("été", QueryString.decode("été"));
        assertNull(QueryString.decode("%C3"));
    }

    private static Map<String, Boolean> declared(Object... nameAndRepeatable) {
        Map<String, Boolean> m = new LinkedHashMap<>();
        for (int i = 0; i < nameAndRepeatable.length; i += 2) {
            m.put((String) nameAndRepeatable[i], (Boolean) nameAndRepeatable[i + 1]);
        }
        return m;
    }
}
