package fr.passerelle.web.coordination;

import fr.passerelle.web.view.FormReader;
import fr.passerelle.client.model.Address;
import fr.passerelle.client.model.Organisation;
import fr.passerelle.client.model.OrganisationInput;
import fr.passerelle.client.model.OrganisationKind;
import fr.passerelle.client.model.RecordStatus;
import fr.passerelle.web.view.Form;
import jakarta.ws.rs.core.MultivaluedHashMap;
import java.util.ArrayList;

import static fr.passerelle.web.coordination.ProgrammeForms.put;

/**
 * The organisation editor's form ↔ the API's OrganisationInput (member paths as field names: {@code address.city}).
 * Contacts are not on the form: an edit keeps them as read.
 */
public final class OrganisationForms {

    private OrganisationForms() {
    }

    public static Form of(Organisation o) {
        MultivaluedHashMap<String, String> v = new MultivaluedHashMap<>();
        put(v, "name", o.getName());
        put(v, "kind", o.getKind());
        put(v, "status", o.getStatus());
        put(v, "closedOn", o.getClosedOn());
        put(v, "uai", o.getUai());
        put(v, "description", o.getDescription());
        put(v, "website", o.getWebsite());
        Address a = o.getAddress();
        if (a != null) {
            put(v, "address.street", a.getStreet());
            put(v, "address.postalCode", a.getPostalCode());
            put(v, "address.communeCode", a.getCommuneCode());
            put(v, "address.city", a.getCity());
        }
        put(v, "departement", o.getDepartement());
        put(v, "academie", o.getAcademie());
        put(v, "lastVerified", o.getLastVerified());
        return Form.of(v);
    }

    public static Parsed<OrganisationInput> input(Form form, Organisation current) {
        FormReader r = new FormReader(form);
        OrganisationInput in = new OrganisationInput();
        in.setName(r.text("name"));
        in.setKind(r.code("kind", OrganisationKind::fromValue));
        in.setStatus(r.code("status", RecordStatus::fromValue));
        in.setClosedOn(r.date("closedOn"));
        String uai = r.text("uai");
        in.setUai(uai == null ? null : uai.toUpperCase(java.util.Locale.ROOT));
        in.setDescription(r.text("description"));
        in.setWebsite(r.text("website"));
        Address a = new Address();
        a.setStreet(r.text("address.street"));
        a.setPostalCode(r.text("address.postalCode"));
        a.setCommuneCode(r.text("address.communeCode"));
        a.setCity(r.text("address.city"));
        boolean anyAddress = a.getStreet() != null || a.getPostalCode() != null || a.getCommuneCode() != null || a.getCity() != null;
        in.setAddress(anyAddress ? a : null);
        in.setDepartement(r.text("departement"));
        in.setAcademie(r.text("academie"));
        in.setContacts(current == null || current.getContacts() == null ? new ArrayList<>() : new ArrayList<>(current.getContacts()));
        in.setLastVerified(r.date("lastVerified"));
        return new Parsed<>(in, r.errors());
    }
}
