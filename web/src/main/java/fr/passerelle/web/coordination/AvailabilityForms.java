package fr.passerelle.web.coordination;

import fr.passerelle.client.model.AvailabilityPatch;
import fr.passerelle.client.model.Contact;
import fr.passerelle.client.model.ContactKind;
import fr.passerelle.client.model.Programme;
import fr.passerelle.client.model.RecordStatus;
import fr.passerelle.web.view.Form;
import fr.passerelle.web.view.FormReader;
import java.util.ArrayList;
import java.util.List;

/**
 * The partner's « mettre à jour » form of one programme: places available (blank = unknown), status (taking
 * referrals or suspended) and functional contacts, one row each (blank rows are dropped). The whole availability is
 * sent each time, as the form shows all of it.
 */
public final class AvailabilityForms {

    /** Contact rows shown: the programme's own, and at least one blank row to add one. */
    public static final int MIN_ROWS = 3;

    private AvailabilityForms() {
    }

    public static Form of(Programme p) {
        Form form = Form.empty().with("placesAvailable", p.getPlacesAvailable()).with("status", p.getStatus());
        List<Contact> contacts = p.getContacts() == null ? List.of() : p.getContacts();
        for (int i = 0; i < contacts.size(); i++) {
            Contact c = contacts.get(i);
            form.with("contacts[" + i + "].kind", c.getKind() == null ? null : c.getKind().getValue())
                    .with("contacts[" + i + "].value", c.getValue()).with("contacts[" + i + "].label", c.getLabel());
        }
        return form;
    }

    /** How many contact rows the form shows. */
    public static int rows(Programme p) {
        return Math.max(MIN_ROWS, (p.getContacts() == null ? 0 : p.getContacts().size()) + 1);
    }

    public static Parsed<AvailabilityPatch> input(Form form, int rows) {
        FormReader r = new FormReader(form);
        AvailabilityPatch patch = new AvailabilityPatch();
        patch.setPlacesAvailable(r.integer("placesAvailable"));
        patch.setStatus(r.code("status", RecordStatus::fromValue));
        List<Contact> contacts = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            String prefix = "contacts[" + i + "].";
            String value = r.text(prefix + "value");
            if (value == null) {
                continue;
            }
            Contact c = new Contact();
            c.setKind(r.code(prefix + "kind", ContactKind::fromValue));
            c.setValue(value);
            c.setLabel(r.text(prefix + "label"));
            contacts.add(c);
        }
        patch.setContacts(contacts);
        return new Parsed<>(patch, r.errors());
    }
}
