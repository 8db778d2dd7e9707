package fr.passerelle.directory.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class UaiTest {

    @Test
    void theLetterIsTheNumberModulo23InAnAlphabetWithoutIOQ() {
        assertEquals('A', Uai.checkLetter("0000000"));
        assertEquals('H', Uai.checkLetter("0000007"));
        assertEquals('J', Uai.checkLetter("0000008"), "I is skipped");
        assertEquals('P', Uai.checkLetter("0000013"), "O is skipped");
        assertEquals('R', Uai.checkLetter("0000014"), "Q is skipped");
        assertEquals('Z', Uai.checkLetter("0000022"));
        assertEquals('A', Uai.checkLetter("0000023"));
        assertEquals('B', Uai.checkLetter("0690047"));
        assertThrows(IllegalArgumentException.class, () -> Uai.checkLetter("069004"));
        assertThrows(IllegalArgumentException.class, () -> Uai.checkLetter("069004X"));
    }

    @Test
    void everyUaiOfTheSeedsIsValid() throws IOException {
        Pattern uai = Pattern.compile("uai: *\"?([0-9]{7}[A-Z])");
        List<String> found;
        try (Stream<Path> files = Files.walk(Path.of("../seeds"))) {
            found = files.filter(p -> p.toString().endsWith(".yaml")).flatMap(p -> {
                try {
                    Matcher m = uai.matcher(Files.readString(p));
                    return m.results().map(r -> r.group(1)).toList().stream();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        }
        assertTrue(found.size() >= 10, "the seeds name schools: " + found);
        for (String code : found) {
            assertTrue(Uai.valid(code), code);
        }
    }

    @Test
    void aWrongLetterOrShapeIsInvalid() {
        assertTrue(Uai.valid("0690047B"));
        assertFalse(Uai.valid("0690047C"));
        assertFalse(Uai.valid("0690047I"));
        assertFalse(Uai.valid("0690047b"), "capital letters only");
        assertFalse(Uai.valid("690047B"));
        assertFalse(Uai.valid("06900470"));
        assertFalse(Uai.valid(null));
        assertTrue(Uai.wellFormed("0690047C"));
    }
}
