package fr.passerelle.bench;

import fr.passerelle.directory.domain.SearchText;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Adds synthetic programmes (and the organisations running them, ten each) to the directory, next to the seeded
 * ones, spread over every département as a national directory would be: most serve a few communes of one
 * département, some a whole département, a few an académie. Names say they are fictitious; they are recognised
 * by source_document = 'bench:synthetic' and topped up to the total asked.
 */
final class ProgrammeData {

    static final String MARK = "bench:synthetic";
    private static final String[] CATEGORIES = {"PREVENTION", "REMOBILISATION", "RETURN_TO_SCHOOL", "QUALIFICATION",
            "INSERTION_EMPLOYMENT", "MENTORING", "TUTORING", "GUIDANCE", "HEALTH_WELLBEING", "PARENTING", "CIVIC_ENGAGEMENT",
            "CULTURE_SPORTS", "DIGITAL_INCLUSION"};
    private static final String[] LEVELS = {"SIXIEME", "CINQUIEME", "QUATRIEME", "TROISIEME", "SECONDE", "PREMIERE", "TERMINALE",
            "CAP_1", "CAP_2", "NONE"};
    private static final String[] SCHOOLING = {"ENROLLED", "AT_RISK", "LEFT_SCHOOL"};
    private static final String[] ADMISSION = {"DIRECT", "INTERVIEW", "DEPARTMENTAL_COMMISSION", "CTO"};
    private static final String[] INTAKES = {"ROLLING", "WEEKLY", "MONTHLY", "YEARLY"};
    private static final String[] WORDS = ("accompagnement remobilisation decrochage scolaire insertion professionnelle apprentissage"
            + " orientation tutorat mentorat sport culture numerique sante citoyennete jeunes raccrochage formation qualification"
            + " emploi stage atelier parents famille collegiens lyceens projet confiance estime soi chantier educatif soutien"
            + " devoirs mobilite logement justice prevention exclusion alternance metiers decouverte entreprise benevolat").split(" ");

    private final SplittableRandom random = new SplittableRandom(7);

    long topUp(Connection c, long total) throws SQLException, IOException {
        long existing = BulkLoad.count(c, "select count(*) from programme where source_document = '" + MARK + "'");
        if (existing >= total) {
            return 0;
        }
        Map<String, List<String>> communesByDepartement = new LinkedHashMap<>();
        Map<String, String> academieOf = new LinkedHashMap<>();
        Map<String, List<String>> departementsOfAcademie = new LinkedHashMap<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select c.code, c.departement_code, d.academie_code from commune c"
                     + " join departement d on d.code = c.departement_code order by c.code")) {
            while (rs.next()) {
                communesByDepartement.computeIfAbsent(rs.getString(2), k -> new ArrayList<>()).add(rs.getString(1));
                academieOf.put(rs.getString(2), rs.getString(3));
            }
        }
        if (communesByDepartement.isEmpty()) {
            throw new IllegalStateException("the directory has no territories yet: start directory-service once first");
        }
        academieOf.forEach((d, a) -> departementsOfAcademie.computeIfAbsent(a, k -> new ArrayList<>()).add(d));
        List<String> departements = new ArrayList<>(communesByDepartement.keySet());

        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        StringBuilder orgs = new StringBuilder(1 << 20);
        StringBuilder programmes = new StringBuilder(1 << 22);
        UUID org = null;
        String orgName = null;
        for (long n = existing; n < total; n++) {
            String departement = departements.get((int) (n % departements.size()));
            if (org == null || n % 10 == 0) {
                org = UUID.randomUUID();
                orgName = "Association fictive " + (n / 10 + 1) + " (banc d'essai)";
                List<String> communes = communesByDepartement.get(departement);
                String commune = communes.get(random.nextInt(communes.size()));
                BulkLoad.csv(orgs, new String[] {org.toString(), orgName, "ASSOCIATION", "ACTIVE", commune, departement,
                        academieOf.get(departement), "EDITOR", MARK, SearchText.document(orgName)});
            }
            programmeRow(programmes, n, org, orgName, departement, communesByDepartement, academieOf, departementsOfAcademie);
            if (programmes.length() > 1 << 22) {
                flush(copy, orgs, programmes);
            }
        }
        flush(copy, orgs, programmes);
        BulkLoad.settle(c, "organisation", "programme");
        return total - existing;
    }

    private void programmeRow(StringBuilder out, long n, UUID org, String orgName, String departement,
                              Map<String, List<String>> communesByDepartement, Map<String, String> academieOf,
                              Map<String, List<String>> departementsOfAcademie) {
        String name = "Dispositif fictif " + (n + 1) + " (banc d'essai)";
        List<String> words = new ArrayList<>();
        for (int k = 0; k < 10; k++) {
            words.add(WORDS[random.nextInt(WORDS.length)]);
        }
        String description = "Programme fictif généré pour les bancs d'essai : " + String.join(" ", words) + ".";
        TreeSet<String> categories = new TreeSet<>();
        for (int k = 1 + random.nextInt(3); k > 0; k--) {
            categories.add(CATEGORIES[random.nextInt(CATEGORIES.length)]);
        }
        int minAge = 11 + random.nextInt(6);
        int maxAge = Math.max(minAge, 16 + random.nextInt(10));
        TreeSet<String> levels = new TreeSet<>();
        if (random.nextInt(3) > 0) {
            int from = random.nextInt(LEVELS.length - 3);
            for (int k = from; k < Math.min(LEVELS.length, from + 3 + random.nextInt(5)); k++) {
                levels.add(LEVELS[k]);
            }
        }
        TreeSet<String> schooling = new TreeSet<>();
        if (random.nextBoolean()) {
            schooling.add(SCHOOLING[1 + random.nextInt(2)]);
            if (random.nextBoolean()) {
                schooling.add(SCHOOLING[random.nextInt(3)]);
            }
        }
        TreeSet<String> communes = new TreeSet<>();
        TreeSet<String> serviceDepartements = new TreeSet<>();
        TreeSet<String> academies = new TreeSet<>();
        TreeSet<String> area = new TreeSet<>();
        int scope = random.nextInt(10);
        if (scope < 6) {
            List<String> inDep = communesByDepartement.get(departement);
            for (int k = 1 + random.nextInt(5); k > 0; k--) {
                communes.add(inDep.get(random.nextInt(inDep.size())));
            }
            area.add(departement);
        } else if (scope < 9) {
            serviceDepartements.add(departement);
            area.add(departement);
        } else {
            String academie = academieOf.get(departement);
            academies.add(academie);
            area.addAll(departementsOfAcademie.get(academie));
        }
        Integer places = random.nextInt(10) == 0 ? Integer.valueOf(0) : random.nextInt(3) == 0 ? null : Integer.valueOf(1 + random.nextInt(30));
        String status = random.nextInt(20) == 0 ? "CLOSED" : "ACTIVE";
        String search = SearchText.document(name, description, orgName, String.join(" ", categories));
        BulkLoad.csv(out, new String[] {UUID.randomUUID().toString(), org.toString(), name, description, array(categories),
                Integer.toString(minAge), Integer.toString(maxAge), array(levels), array(schooling),
                random.nextInt(4) == 0 ? "CAP_BEP" : null, random.nextInt(10) == 0 ? "true" : "false",
                ADMISSION[random.nextInt(ADMISSION.length)], INTAKES[random.nextInt(INTAKES.length)],
                places == null ? null : "20", places == null ? null : places.toString(), array(communes),
                array(serviceDepartements), array(academies), array(area), status, "EDITOR", MARK, search});
    }

    private static String array(TreeSet<String> values) {
        return "{" + String.join(",", values) + "}";
    }

    private static void flush(CopyManager copy, StringBuilder orgs, StringBuilder programmes) throws SQLException, IOException {
        if (!orgs.isEmpty()) {
            copy.copyIn("COPY organisation (id, name, kind, status, commune_code, departement_code, academie_code, source,"
                    + " source_document, search_text) FROM STDIN WITH (FORMAT csv)", BulkLoad.reader(orgs));
            orgs.setLength(0);
        }
        if (!programmes.isEmpty()) {
            copy.copyIn("COPY programme (id, organisation_id, name, description, categories, min_age, max_age, school_levels,"
                    + " schooling_statuses, max_diploma_level, qpv_residence_required, admission_mode, intake,"
                    + " capacity_per_cohort, places_available, service_communes, service_departements, service_academies,"
                    + " area_departements, status, source, source_document, search_text) FROM STDIN WITH (FORMAT csv)",
                    BulkLoad.reader(programmes));
            programmes.setLength(0);
        }
    }
}
