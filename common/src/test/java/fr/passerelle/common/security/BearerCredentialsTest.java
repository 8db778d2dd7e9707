package fr.passerelle.common.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import fr.passerelle.common.security.BearerCredentials.Defect;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class BearerCredentialsTest {

    private static final String JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl";

    @Test
    void oneWellFormedBearerTokenGoesOn() {
        assertNull(BearerCredentials.defect(null));
        assertNull(BearerCredentials.defect(List.of()));
        assertNull(BearerCredentials.defect(List.of("Bearer " + JWT)));
        assertNull(BearerCredentials.defect(List.of("bearer " + JWT)), "the scheme is case-insensitive (RFC 9110)");
        assertNull(BearerCredentials.defect(List.of("Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.")),
                "an unsigned token has the right shape: validation refuses it");
        assertNull(BearerCredentials.defect(List.of("Basic cmVmZXJlbnQxOnJlZmVyZW50MQ==")), "another scheme: an ordinary 401 later");
    }

    @Test
    void twoAuthorizationHeadersAreRefused() {
        assertEquals(Defect.REPEATED_HEADER, BearerCredentials.defect(List.of("Bearer " + JWT, "Bearer " + JWT)));
    }

    @Test
    void tokensThatCannotBeASignedJwtAreRefused() {
        for (String token : List.of("..", ".", "a..", ".b.", "a.b", "a.b.c.d", "a.b.c d", "a+b.c.d", "")) {
            assertEquals(Defect.MALFORMED_TOKEN, BearerCredentials.defect(List.of("Bearer " + token)), token);
        }
    }

    @Test
    void theHandWrittenShapeCheckAgreesWithTheGrammar() {
        Pattern grammar = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");
        String alphabet = "aZ09_-.+/= é";
        Random random = new Random(16);
        for (int n = 0; n < 200_000; n++) {
            StringBuilder token = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                token.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String t = token.toString();
            assertEquals(grammar.matcher(t).matches(), BearerCredentials.isCompactJws(t), t);
        }
    }
}
