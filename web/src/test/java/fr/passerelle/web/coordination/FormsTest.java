package fr.passerelle.web.coordination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.client.model.Contact;
import fr.passerelle.client.model.ContactKind;
import fr.passerelle.client.model.EligibilityView;
import fr.passerelle.client.model.Organisation;
import fr.passerelle.client.model.OrganisationInput;
import fr.passerelle.client.model.OrganisationKind;
import fr.passerelle.client.model.Programme;
import fr.passerelle.client.model.ProgrammeCategory;
import fr.passerelle.client.model.ProgrammeInput;
import fr.passerelle.client.model.SchoolingStatus;
import fr.passerelle.client.model.ServiceArea;
import fr.passerelle.client.model.SubjectAccessRequest;
import fr.passerelle.web.view.Form;
import jakarta.ws.rs.core.MultivaluedHashMap;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FormsTest {

    static final UUID ORG = UUID.fromString("07a23e44-05c2-4269-8757-ada2582fb768");

    static Form form(String... pairs) {
        MultivaluedHashMap<String, String> m = new MultivaluedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) m.add(pairs[i], pairs[i + 1]);
        return Form.of(m);
    }

    static Programme programme() {
        return new Programme().id(UUID.randomUUID()).organisationId(ORG).name("E2C Lyon").description("École")
                .categories(new ArrayList<>(List.of("QUALIFICATION")))
                .eligibility(new EligibilityView().minAge(16).maxAge(25).schoolLevels(new ArrayList<>())
                        .schoolingStatuses(new ArrayList<>(List.of("LEFT_SCHOOL"))).maxDiplomaLevel("CAP_BEP").qpvResidenceRequired(true)
                        .audience(new ArrayList<>(List.of("YOUNG_PERSON"))).requirements(new ArrayList<>(List.of("COURT_DECISION")))
                        .maxAgeWithDisability(30).maxMonthsOutOfSchool(36))
                .admissionMode("INTERVIEW").intake("ROLLING").placesAvailable(3).free(true).stipend(null)
                .serviceArea(new ServiceArea().departements(new ArrayList<>(List.of("69"))).communes(new ArrayList<>())
                        .academies(new ArrayList<>(List.of("LYON"))))
                .contacts(new ArrayList<>(List.of(new Contact().kind(ContactKind.EMAIL).value("contact@e2c.example"))))
                .status("ACTIVE");
    }

    @Test
    void programmeRoundTripKeepsWhatTheFormDoesNotShow() {
        Programme p = programme();
        Form f = ProgrammeForms.of(p);
        assertEquals("E2C Lyon", f.value("name"));
        assertEquals("16", f.value("eligibility.minAge"));
        assertTrue(f.checked("categories", "QUALIFICATION"));
        assertTrue(f.checked("eligibility.schoolingStatuses", "LEFT_SCHOOL"));
        assertEquals("oui", f.value("free"));
        assertEquals("", f.value("stipend"));
        assertEquals("69", f.value("serviceArea.departements"));

        Parsed<ProgrammeInput> in = ProgrammeForms.input(f, p);
        assertTrue(in.ok(), in.errors().toString());
        ProgrammeInput v = in.value();
        assertEquals(ORG, v.getOrganisationId());
        assertEquals(java.util.Set.of(ProgrammeCategory.QUALIFICATION), v.getCategories());
        assertEquals(java.util.Set.of(SchoolingStatus.LEFT_SCHOOL), v.getEligibility().getSchoolingStatuses());
        assertEquals(Integer.valueOf(3), v.getPlacesAvailable());
        assertEquals(Boolean.TRUE, v.getFree());
        assertNull(v.getStipend());
        // Carried over from the version read.
        assertEquals(List.of("LYON"), v.getServiceArea().getAcademies());
        assertEquals(1, v.getContacts().size());
        assertEquals(Boolean.TRUE, v.getEligibility().getQpvResidenceRequired());
        assertEquals("CAP_BEP", String.valueOf(v.getEligibility().getMaxDiplomaLevel()));
        assertEquals("[YOUNG_PERSON]", String.valueOf(v.getEligibility().getAudience()));
        assertEquals("[COURT_DECISION]", String.valueOf(v.getEligibility().getRequirements()));
        assertEquals(Integer.valueOf(30), v.getEligibility().getMaxAgeWithDisability());
        assertEquals(Integer.valueOf(36), v.getEligibility().getMaxMonthsOutOfSchool());
        assertNull(v.getEligibility().getMinMonthsOutOfSchool());
    }

    @Test
    void provenanceSaysADocumentsDateIsNoVerification() {
        Programme p = programme().sourceDocument("002_087b231a95dae0e5.txt").sourceDate(java.time.LocalDate.of(2023, 3, 29))
                .inferredFields(new ArrayList<>(List.of("eligibility.minAge", "name")));
        assertEquals("Source : document du 29/03/2023 — jamais vérifié par une personne", fr.passerelle.web.view.Provenance.provenance(p));
        assertEquals("âge minimum, nom", fr.passerelle.web.view.Provenance.inferredFr(p));
        p.lastVerified(java.time.LocalDate.of(2026, 1, 5));
        assertEquals("Source : document du 29/03/2023 — vérifié le 05/01/2026", fr.passerelle.web.view.Provenance.provenance(p));
        assertEquals("Source : document non daté — jamais vérifié par une personne",
                fr.passerelle.web.view.Provenance.provenance(programme().sourceDocument("000_6dbc518bfe1f9d50.txt")));
    }

    @Test
    void unreadableValuesAreErrorsNextToTheirField() {
        Parsed<ProgrammeInput> in = ProgrammeForms.input(form("name", "X", "organisationId", "pas-un-id",
                "placesAvailable", "trois", "categories", "NOT_A_CATEGORY", "closedOn", "31/12/2026",
                "serviceArea.departements", "69, 01;2a"), null);
        assertFalse(in.ok());
        assertTrue(in.errors().containsKey("organisationId"));
        assertTrue(in.errors().containsKey("placesAvailable"));
        assertTrue(in.errors().containsKey("categories"));
        assertTrue(in.errors().containsKey("closedOn"));
        assertEquals(List.of("69", "01", "2A"), in.value().getServiceArea().getDepartements());
        assertEquals(422, in.problem().status());
        assertEquals("Saisissez un nombre entier.", in.problem().field("placesAvailable"));
    }

    @Test
    void organisationRoundTrip() {
        Organisation o = new Organisation().id(UUID.randomUUID()).name("Mission locale").kind("MISSION_LOCALE").status("ACTIVE")
                .departement("69").contacts(new ArrayList<>(List.of(new Contact().kind(ContactKind.PHONE).value("0400000000"))));
        Form f = OrganisationForms.of(o);
        f.with("address.city", "Lyon").with("uai", "0690047b");
        Parsed<OrganisationInput> in = OrganisationForms.input(f, o);
        assertTrue(in.ok(), in.errors().toString());
        assertEquals(OrganisationKind.MISSION_LOCALE, in.value().getKind());
        assertEquals("Lyon", in.value().getAddress().getCity());
        assertEquals("0690047B", in.value().getUai());
        assertEquals(1, in.value().getContacts().size());
        assertNull(OrganisationForms.input(form("name", "A", "kind", "ASSOCIATION"), null).value().getAddress());
    }

    @Test
    void subjectAccessNeedsExactlyOneWay() {
        assertTrue(SubjectAccessForms.request(form("ine", "123456789ab")).ok());
        assertEquals("123456789AB", SubjectAccessForms.request(form("ine", "123456789ab")).value().getIne());
        assertFalse(SubjectAccessForms.request(form()).ok());
        assertFalse(SubjectAccessForms.request(form("ine", "123456789AB", "caseId", UUID.randomUUID().toString())).ok());
        Parsed<SubjectAccessRequest> names = SubjectAccessForms.request(form("firstName", "Lina", "lastName", "Martin"));
        assertFalse(names.ok());
        assertTrue(names.errors().containsKey("birthDate"));
        Parsed<SubjectAccessRequest> full = SubjectAccessForms.request(form("firstName", "Lina", "lastName", "Martin",
                "birthDate", "2010-03-14", "reference", "DPO-2026-042"));
        assertTrue(full.ok(), full.errors().toString());
        assertEquals(LocalDate.of(2010, 3, 14), full.value().getBirthDate());
        assertEquals("DPO-2026-042", full.value().getReference());
    }
}
