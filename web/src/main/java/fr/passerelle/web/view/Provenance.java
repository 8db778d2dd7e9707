package fr.passerelle.web.view;

import fr.passerelle.client.model.Freshness;
import fr.passerelle.client.model.Programme;
import io.quarkus.qute.TemplateExtension;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Where a programme's facts come from, as a reader should see it: the document's date is not a verification,
 * and inferred facts are said to be inferred. {@code {p.provenance}}, {@code {p.inferredFr}}.
 */
@TemplateExtension
public final class Provenance {

    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("name", "nom"),
            Map.entry("status", "statut"),
            Map.entry("organisation", "structure"),
            Map.entry("admissionMode", "mode d'admission"),
            Map.entry("intake", "rythme des entrées"),
            Map.entry("contacts", "contacts"),
            Map.entry("eligibility.minAge", "âge minimum"),
            Map.entry("eligibility.maxAge", "âge maximum"),
            Map.entry("eligibility.schoolLevels", "niveaux scolaires"),
            Map.entry("eligibility.schoolingStatuses", "situations scolaires"),
            Map.entry("eligibility.qpvResidenceRequired", "résidence en QPV"),
            Map.entry("eligibility.audience", "public visé"),
            Map.entry("serviceArea.communes", "communes desservies"),
            Map.entry("serviceArea.departements", "départements desservis"),
            Map.entry("serviceArea.academies", "académies desservies"));

    private Provenance() {
    }

    /** « Source : document du 29/03/2023 — jamais vérifié par une personne », or the verification date. */
    public static String provenance(Programme p) {
        return sentence(p.getSourceDate(), p.getLastVerified(), p.getSourceDocument() != null);
    }

    static String sentence(LocalDate sourceDate, LocalDate lastVerified, boolean fromDocument) {
        String source = !fromDocument ? "Source : saisie dans l'annuaire"
                : sourceDate == null ? "Source : document non daté" : "Source : document du " + Dates.fr(sourceDate);
        return source + (lastVerified == null ? " — jamais vérifié par une personne" : " — vérifié le " + Dates.fr(lastVerified));
    }

    /** The inferred fields in French, comma-separated; empty when none. */
    public static String inferredFr(Programme p) {
        List<String> fields = p.getInferredFields();
        if (fields == null || fields.isEmpty()) {
            return "";
        }
        return String.join(", ", fields.stream().map(f -> FIELDS.getOrDefault(f, f)).toList());
    }

    /** True when the facts are two years old or more (or undated). */
    public static boolean stale(Freshness f) {
        return f != null && ("STALE".equals(f.getCode()) || "UNDATED".equals(f.getCode()));
    }
}
