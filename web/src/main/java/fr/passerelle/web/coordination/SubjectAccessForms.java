package fr.passerelle.web.coordination;

import fr.passerelle.web.view.FormReader;
import fr.passerelle.client.model.SubjectAccessRequest;
import fr.passerelle.web.view.Form;

/**
 * The subject-access form → the API's request: exactly one way to name the person (case id, INE, or names + birth
 * date), as the request schema says; the API checks the rule, the form only reads the values.
 */
public final class SubjectAccessForms {

    private SubjectAccessForms() {
    }

    public static Parsed<SubjectAccessRequest> request(Form form) {
        FormReader r = new FormReader(form);
        SubjectAccessRequest req = new SubjectAccessRequest();
        req.setCaseId(r.uuid("caseId", "Saisissez l'identifiant du dossier tel qu'il apparaît dans le journal (format 8-4-4-4-12)."));
        String ine = r.text("ine");
        req.setIne(ine == null ? null : ine.replace(" ", "").toUpperCase(java.util.Locale.ROOT));
        req.setFirstName(r.text("firstName"));
        req.setLastName(r.text("lastName"));
        req.setBirthDate(r.date("birthDate"));
        req.setReference(r.text("reference"));
        var errors = r.errors();
        boolean byCase = req.getCaseId() != null || errors.containsKey("caseId");
        boolean byIne = req.getIne() != null;
        boolean byName = req.getFirstName() != null || req.getLastName() != null || req.getBirthDate() != null || errors.containsKey("birthDate");
        int ways = (byCase ? 1 : 0) + (byIne ? 1 : 0) + (byName ? 1 : 0);
        if (ways == 0) {
            errors.put("caseId", "Indiquez le dossier, l'INE, ou les nom, prénom et date de naissance.");
        } else if (ways > 1) {
            errors.put(byCase ? "caseId" : "ine", "Un seul moyen d'identification à la fois : le dossier, l'INE, ou les nom, prénom et date de naissance.");
        } else if (byName) {
            if (req.getFirstName() == null) errors.putIfAbsent("firstName", "Indiquez le prénom.");
            if (req.getLastName() == null) errors.putIfAbsent("lastName", "Indiquez le nom.");
            if (req.getBirthDate() == null) errors.putIfAbsent("birthDate", "Indiquez la date de naissance.");
        }
        return new Parsed<>(req, errors);
    }
}
