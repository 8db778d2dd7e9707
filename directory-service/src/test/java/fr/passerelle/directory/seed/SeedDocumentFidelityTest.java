package fr.passerelle.directory.seed;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Holds the seeds to the five source documents (copied in src/test/resources/documents): every contact a
 * document gives is in the directory, every seeded contact is read in its record's document, and every name we
 * composed is marked inferred. Contacts are found in the text by pattern, not by hand.
 */
class SeedDocumentFidelityTest {

    private static final List<String> DOCUMENTS = List.of("000_6dbc518bfe1f9d50.txt", "001_2651281c648d94bb.txt",
            "002_087b231a95dae0e5.txt", "003_bc65c65ff5363247.txt", "004_9c11d0852a222bfd.txt");

    private static final Pattern URL = Pattern.compile("https?://[^\\s\\u00a0)»]+");
    private static final Pattern EMAIL = Pattern.compile("[\\p{L}0-9._-]+@[\\p{L}0-9-]+(?:\\.[\\p{L}0-9-]+)+");
    private static final Pattern PHONE = Pattern.compile("(?<!\\d)0[1-9](?:[ .]?\\d{2}){4}(?!\\d)");
    // A site named without http, e.g. « coté.formations.fr ».
    private static final Pattern SITE = Pattern.compile("(?<![@\\p{L}0-9.-])(?:[\\p{L}0-9-]+\\.)+(?:fr|org|com|net|eu)(?![\\p{L}0-9-])");

    /**
     * Contacts the documents give that are not the directory's: named people's own mailboxes and mobile numbers
     * (the seeds keep functional contacts only), and the site an article was copied from.
     */
    private static final Set<String> EXCLUDED = Set.of(
            "thomas.rigaud@afev.org", "justine.mal@afev.org",         // AFEV Lyon: named delegates
            "sjavon@e2c69.fr",                                         // E2C: named deputy director
            "thierry.chalayer@energiejeunes.fr", "0680357520",         // Energie Jeunes: named delegate, mobile
            "magnier.jerome@epide.fr", "0638193745",                   // EPIDE: named recruiter, mobile
            "anne.derian@ac-lyon.fr", "0677197519",                    // LNC: named coordinator, mobile
            "c.girard@mlpnvs.org",                                     // Mission Locale: its director's mailbox
            "catarina.torres@ac-lyon.fr", "0680956201",                // MLDS: named coordinator, mobile
            "0763697384",                                              // PAD service civique: a named officer's mobile
            "jerome.caltran@via-competences.fr", "yolande.naudin@via-competences.fr", // Via Compétences: named staff
            "anais.maingues@zupdeco.org",                              // ZUPdeCO: named coordinator
            "ac-versailles.fr");                                       // 001: the site the article was copied from

    private static final Map<String, String> TEXT = new LinkedHashMap<>();
    private static final List<Map<String, Object>> RECORDS = new ArrayList<>();

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void read() throws IOException {
        for (String d : DOCUMENTS) {
            try (InputStream in = SeedDocumentFidelityTest.class.getResourceAsStream("/documents/" + d)) {
                TEXT.put(d, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        try (Stream<Path> files = Files.list(Path.of("../seeds/organisations"))) {
            for (Path f : files.sorted().toList()) {
                Map<String, Object> o = yaml.readValue(f.toFile(), Map.class);
                RECORDS.add(o);
                for (Map<String, Object> p : (List<Map<String, Object>>) o.getOrDefault("programmes", List.of())) {
                    Map<String, Object> programme = new LinkedHashMap<>(p);
                    programme.putIfAbsent("sourceDocument", o.get("sourceDocument"));
                    programme.putIfAbsent("source", o.get("source"));
                    RECORDS.add(programme);
                }
            }
        }
    }

    /** One spelling per contact: e-mails and sites in lower case, phone numbers as digits, URLs without a final slash. */
    static String normalise(String contact) {
        String c = contact.strip();
        if (PHONE.matcher(c).matches()) {
            return c.replaceAll("\\D", "");
        }
        return c.toLowerCase(Locale.ROOT).replaceAll("/$", "");
    }

    /** Every contact written in a text: URLs, then e-mails, then phone numbers and bare sites in what is left. */
    static Set<String> contactsIn(String text) {
        Set<String> found = new LinkedHashSet<>();
        String rest = text;
        for (Pattern p : List.of(URL, EMAIL, PHONE, SITE)) {
            Matcher m = p.matcher(rest);
            while (m.find()) {
                found.add(normalise(m.group()));
            }
            rest = m.replaceAll(" ");
        }
        return found;
    }

    @SuppressWarnings("unchecked")
    private static Set<String> seeded(Map<String, Object> record) {
        Set<String> values = new LinkedHashSet<>();
        for (Map<String, Object> c : (List<Map<String, Object>>) record.getOrDefault("contacts", List.of())) {
            values.add(normalise((String) c.get("value")));
        }
        if (record.get("website") != null) {
            values.add(normalise((String) record.get("website")));
        }
        return values;
    }

    @SuppressWarnings("unchecked")
    private static List<String> inferred(Map<String, Object> record) {
        return (List<String>) record.getOrDefault("inferredFields", List.of());
    }

    @Test
    void theExtractionFindsWhatTheDocumentsWrite() {
        Set<String> found = contactsIn(TEXT.get("002_087b231a95dae0e5.txt"));
        for (String expected : List.of("0472274550", "0472804838", "0478857286", "sps@fondation-ajd.com",
                "https://aura.apprentis-auteuil.org/editorial/nos-activites/scolarite", "coté.formations.fr", "0677197519")) {
            assertTrue(found.contains(expected), expected + " in " + found);
        }
    }

    @Test
    void everyContactTheDocumentsGiveIsInTheSeeds() {
        Set<String> seeded = new LinkedHashSet<>();
        RECORDS.forEach(r -> seeded.addAll(seeded(r)));
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, String> doc : TEXT.entrySet()) {
            for (String contact : contactsIn(doc.getValue())) {
                if (EXCLUDED.contains(contact)) {
                    continue;
                }
                checked++;
                if (!seeded.contains(contact)) {
                    missing.add(doc.getKey() + ": " + contact);
                }
            }
        }
        assertTrue(checked >= 15, "the documents give at least 15 functional contacts, found " + checked);
        assertTrue(missing.isEmpty(), "contacts given by a document but absent from the seeds:\n" + String.join("\n", missing));
    }

    @Test
    void everySeededContactIsReadInItsRecordsDocument() {
        List<String> unsupported = new ArrayList<>();
        for (Map<String, Object> r : RECORDS) {
            String doc = (String) r.get("sourceDocument");
            boolean inferred = "INFERRED".equals(r.get("source")) || inferred(r).contains("contacts");
            Set<String> inText = doc == null ? Set.of() : contactsIn(TEXT.get(doc));
            for (String value : seeded(r)) {
                if (!inferred && !inText.contains(value)) {
                    unsupported.add(r.get("name") + ": " + value + " is not in " + doc);
                }
                if (EXCLUDED.contains(value)) {
                    unsupported.add(r.get("name") + ": " + value + " is a named person's contact");
                }
            }
        }
        assertTrue(unsupported.isEmpty(), String.join("\n", unsupported));
    }

    @Test
    void aNameTheDocumentDoesNotWriteIsMarkedInferred() {
        List<String> unmarked = new ArrayList<>();
        for (Map<String, Object> r : RECORDS) {
            String doc = (String) r.get("sourceDocument");
            if ("INFERRED".equals(r.get("source")) || doc == null) {
                continue;
            }
            String name = (String) r.get("name");
            if (!fold(TEXT.get(doc)).contains(fold(name)) && !inferred(r).contains("name")) {
                unmarked.add(name);
            }
        }
        assertTrue(unmarked.isEmpty(), "composed names not marked inferred:\n" + String.join("\n", unmarked));
    }

    private static String fold(String s) {
        String t = s.replace('’', '\'').replace('–', '-').replace('—', '-');
        t = Normalizer.normalize(t, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        return t.replaceAll("\\s+", " ");
    }
}
