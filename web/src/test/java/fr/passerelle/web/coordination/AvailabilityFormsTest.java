package fr.passerelle.web.coordination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.client.model.AvailabilityPatch;
import fr.passerelle.client.model.Contact;
import fr.passerelle.client.model.ContactKind;
import fr.passerelle.client.model.Programme;
import fr.passerelle.client.model.RecordStatus;
import fr.passerelle.web.view.Form;
import jakarta.ws.rs.core.MultivaluedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AvailabilityFormsTest {

    private static Form posted(Map<String, String> values) {
        MultivaluedHashMap<String, String> m = new MultivaluedHashMap<>();
        values.forEach(m::add);
        return Form.of(m);
    }

    @Test
    void theFormShowsTheProgrammesAvailabilityAndSendsItBack() {
        Programme p = new Programme().placesAvailable(3).status("ACTIVE")
                .contacts(List.of(new Contact().kind(ContactKind.PHONE).value("04 72 00 00 00").label("Accueil")));
        Form form = AvailabilityForms.of(p);
        assertEquals("3", form.value("placesAvailable"));
        assertEquals("PHONE", form.value("contacts[0].kind"));
        assertEquals(3, AvailabilityForms.rows(p));

        Parsed<AvailabilityPatch> in = AvailabilityForms.input(posted(Map.of("placesAvailable", "0", "status", "SUSPENDED",
                "contacts[0].kind", "PHONE", "contacts[0].value", "04 72 00 00 00", "contacts[1].kind", "EMAIL",
                "contacts[1].value", " ", "contacts[2].kind", "EMAIL", "contacts[2].value", "accueil@example.org")), 3);
        assertTrue(in.ok());
        assertEquals(0, in.value().getPlacesAvailable());
        assertEquals(RecordStatus.SUSPENDED, in.value().getStatus());
        assertEquals(List.of("04 72 00 00 00", "accueil@example.org"), in.value().getContacts().stream().map(Contact::getValue).toList());
        assertNull(in.value().getContacts().get(0).getLabel());
    }

    @Test
    void blankPlacesAreUnknownAndAWordIsRefusedInFrench() {
        assertNull(AvailabilityForms.input(posted(Map.of("placesAvailable", "", "status", "ACTIVE")), 3).value().getPlacesAvailable());
        Parsed<AvailabilityPatch> in = AvailabilityForms.input(posted(Map.of("placesAvailable", "deux", "status", "FERME")), 3);
        assertFalse(in.ok());
        assertEquals("Saisissez un nombre entier.", in.problem().field("placesAvailable"));
        assertEquals("Choisissez une valeur de la liste.", in.problem().field("status"));
    }
}
