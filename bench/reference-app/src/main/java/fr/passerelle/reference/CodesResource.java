package fr.passerelle.reference;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fixed set of code lists from memory, serialised by Jackson on every request: about the size and shape of
 * directory-service's {@code GET /api/v1/programmes/codes}, minus the token check and everything else the service does.
 */
@Path("/api/v1/codes")
public class CodesResource {

    /** One code and its display label. */
    public record Code(String code, String label) {
    }

    private static final Map<String, List<Code>> CODES = build();

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, List<Code>> codes() {
        return CODES;
    }

    private static Map<String, List<Code>> build() {
        Map<String, List<Code>> m = new LinkedHashMap<>();
        m.put("categories", List.of(new Code("REMOBILISATION", "Remobilisation"), new Code("SCHOOLING", "Scolarité"),
                new Code("TRAINING", "Formation"), new Code("CIVIC_SERVICE", "Service civique"), new Code("EMPLOYMENT", "Emploi"),
                new Code("APPRENTICESHIP", "Apprentissage"), new Code("HEALTH", "Santé"), new Code("HOUSING", "Logement")));
        m.put("schoolLevels", List.of(new Code("NONE", "Aucun diplôme"), new Code("CAP", "CAP, BEP"), new Code("BAC", "Baccalauréat"),
                new Code("BAC_PLUS_2", "Bac + 2"), new Code("HIGHER", "Supérieur")));
        m.put("statuses", List.of(new Code("ACTIVE", "Actif"), new Code("SUSPENDED", "Suspendu"), new Code("CLOSED", "Fermé")));
        m.put("admissionModes", List.of(new Code("DIRECT", "Admission directe"), new Code("INTERVIEW", "Entretien"),
                new Code("COMMITTEE", "Commission"), new Code("WAITLIST", "Liste d'attente")));
        m.put("intakes", List.of(new Code("CONTINUOUS", "Entrées et sorties permanentes"), new Code("SEPTEMBER", "Rentrée de septembre"),
                new Code("JANUARY", "Rentrée de janvier"), new Code("SESSIONS", "Par sessions")));
        m.put("diplomas", List.of(new Code("NONE", "Aucun"), new Code("CERTIFICATE", "Attestation de compétences"),
                new Code("CAP", "CAP"), new Code("TITLE", "Titre professionnel"), new Code("BAC_PRO", "Bac professionnel")));
        m.put("kinds", List.of(new Code("ASSOCIATION", "Association"), new Code("PUBLIC", "Établissement public"),
                new Code("SCHOOL", "Établissement scolaire"), new Code("COMPANY", "Entreprise")));
        m.put("matchReasons", List.of(new Code("AGE", "Âge compatible"), new Code("LEVEL", "Niveau compatible"),
                new Code("AREA", "Zone desservie"), new Code("OPEN", "Places disponibles"), new Code("STATUS", "Situation scolaire")));
        return java.util.Collections.unmodifiableMap(m);
    }
}
