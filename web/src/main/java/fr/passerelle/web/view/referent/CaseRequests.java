package fr.passerelle.web.view.referent;

import fr.passerelle.web.client.FrenchMessages;
import fr.passerelle.web.view.FormReader;
import fr.passerelle.client.model.CaseCloseRequest;
import fr.passerelle.client.model.CaseMergeRequest;
import fr.passerelle.client.model.CaseCreateRequest;
import fr.passerelle.client.model.CloseReason;
import fr.passerelle.client.model.ConsentGiver;
import fr.passerelle.client.model.ConsentPurpose;
import fr.passerelle.client.model.ConsentRecord;
import fr.passerelle.client.model.ConsentWithdrawalRequest;
import fr.passerelle.client.model.GuardianContact;
import fr.passerelle.client.model.GuardianRelationship;
import fr.passerelle.client.model.SchoolLevel;
import fr.passerelle.client.model.SchoolingStatus;
import fr.passerelle.web.client.ApiProblem;
import fr.passerelle.web.view.Form;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The case forms turned into API requests. Field names are the request's member paths (guardians[0].phone,
 * consent.givenAt…) so that the API's violations land next to the right field.
 */
public final class CaseRequests {

    /** Guardian rows offered by the form (the API accepts up to 4; two cover nearly every family). */
    public static final int GUARDIAN_ROWS = 2;
    private static final String[] GUARDIAN_FIELDS = {"firstName", "lastName", "relationship", "phone", "email"};

    private CaseRequests() {
    }

    /** A request, or the problem that kept it from being built (shown like the API's). */
    public record Built<T>(T request, ApiProblem problem) {
    }

    public static Built<CaseCreateRequest> create(Form form) {
        FormReader in = new FormReader(form);
        CaseCreateRequest r = new CaseCreateRequest()
                .firstName(in.text("firstName"))
                .lastName(in.text("lastName"))
                .birthDate(in.date("birthDate"))
                .ine(upper(in.text("ine")))
                .schoolLevel(in.code("schoolLevel", SchoolLevel::fromValue))
                .schoolingStatus(in.code("schoolingStatus", SchoolingStatus::fromValue))
                .homeCommuneCode(in.text("homeCommuneCode"))
                .livesInQpv(in.bool("livesInQpv"))
                .guardians(guardians(form, in));
        ConsentRecord consent = new ConsentRecord()
                .givenBy(in.code("consent.givenBy", ConsentGiver::fromValue))
                .givenAt(in.date("consent.givenAt"))
                .purpose(in.code("consent.purpose", ConsentPurpose::fromValue));
        // All three blank: no consent at all, which the API refuses as a whole ("consent" is required).
        boolean noConsent = consent.getGivenBy() == null && consent.getGivenAt() == null && consent.getPurpose() == null
                && form.optional("consent.givenAt") == null;
        r.setConsent(noConsent ? null : consent);
        return new Built<>(r, in.problem());
    }

    /** The guardian rows the user filled in (a row left blank is no guardian), kept at their index. */
    static List<GuardianContact> guardians(Form form, FormReader in) {
        List<GuardianContact> guardians = new ArrayList<>();
        for (int i = 0; i < GUARDIAN_ROWS; i++) {
            String p = "guardians[" + i + "].";
            boolean any = false;
            for (String f : GUARDIAN_FIELDS) {
                any |= form.optional(p + f) != null;
            }
            if (!any) {
                continue;
            }
            if (guardians.size() != i) {
                // A blank first row and a filled second: the API would name the second guardians[0]; keep the names true.
                in.refuse("guardians[" + guardians.size() + "].relationship", FrenchMessages.violation("REQUIRED", ""));
            }
            guardians.add(new GuardianContact()
                    .firstName(in.text(p + "firstName"))
                    .lastName(in.text(p + "lastName"))
                    .relationship(in.code(p + "relationship", GuardianRelationship::fromValue))
                    .phone(in.text(p + "phone"))
                    .email(in.text(p + "email")));
        }
        return guardians;
    }

    public static Built<CaseCloseRequest> close(Form form) {
        FormReader in = new FormReader(form);
        CaseCloseRequest r = new CaseCloseRequest()
                .reason(in.code("reason", CloseReason::fromValue))
                .comment(in.text("comment"));
        return new Built<>(r, in.problem());
    }

    public static Built<ConsentWithdrawalRequest> withdrawConsent(Form form) {
        FormReader in = new FormReader(form);
        ConsentWithdrawalRequest r = new ConsentWithdrawalRequest()
                .withdrawnBy(in.code("withdrawnBy", ConsentGiver::fromValue))
                .withdrawnAt(in.date("withdrawnAt"));
        return new Built<>(r, in.problem());
    }

    /**
     * A merge: the duplicate chosen among the possible duplicates, or pasted (the pasted id wins), and the confirmation
     * box, without which nothing is sent.
     */
    public static Built<CaseMergeRequest> merge(Form form) {
        FormReader in = new FormReader(form);
        String pasted = in.text("autreDossier");
        UUID duplicate = pasted != null ? in.uuid("autreDossier", "Collez l'identifiant d'un dossier (par exemple 0b6f1c9e-3a4d-4e1f-9c2b-7d8e5f6a1b2c).")
                : in.uuid("duplicateId");
        if (duplicate == null && pasted == null && in.text("duplicateId") == null) {
            in.refuse("duplicateId", "Choisissez le dossier en double ou collez son identifiant.");
        }
        if (!"oui".equals(in.text("confirmation"))) {
            in.refuse("confirmation", "Cochez la case pour confirmer la fusion.");
        }
        CaseMergeRequest r = new CaseMergeRequest().duplicateId(duplicate).reason(in.text("reason"));
        return new Built<>(r, in.problem());
    }

    private static String upper(String s) {
        return s == null ? null : s.replace(" ", "").toUpperCase(java.util.Locale.ROOT);
    }
}
