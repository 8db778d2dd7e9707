package fr.passerelle.web.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.client.ApiException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiProblemTest {

    @Test
    void violationsLandOnTheirFieldInFrench() {
        ApiProblem p = ApiProblem.of(new ApiException(422, null, """
                {"type":"https://passerelle.example.org/problems/validation","title":"Invalid request","status":422,
                 "requestId":"r-1","violations":[
                   {"field":"pupil.birthDate","code":"PAST","message":"must be a past date"},
                   {"field":"reason","code":"REQUIRED","message":"is required"},
                   {"field":"","code":"INCONSISTENT","message":"x"},
                   {"field":"context","code":"SOMETHING_NEW","message":"too odd"}]}"""));
        assertEquals(422, p.status());
        assertEquals("La date doit être passée.", p.field("pupil.birthDate"));
        assertEquals("Ce champ est obligatoire.", p.field("reason"));
        assertEquals("Valeur refusée (too odd).", p.field("context"), "an unknown rule keeps the API's words");
        assertEquals(List.of("Cette valeur contredit une autre réponse du formulaire."), p.otherErrors());
        assertEquals("r-1", p.requestId());
        assertTrue(p.summary().contains("4 erreurs"), p.summary());
    }

    @Test
    void aRefusedActionNamesWhatIsStillPossible() {
        ApiProblem p = ApiProblem.of(new ApiException(409, null, """
                {"type":"about:blank","title":"Conflict","status":409,"currentStatus":"ACCEPTED","action":"ACCEPT",
                 "allowedActions":["START","DECLINE","CANCEL"]}"""));
        assertEquals("ACCEPTED", p.currentStatus());
        assertEquals(List.of("START", "DECLINE", "CANCEL"), p.allowedActions());
        assertTrue(p.summary().startsWith("Cette action n'est pas possible"));
    }

    @Test
    void aStaleVersionSaysSomeoneElseChangedIt() {
        ApiProblem p = ApiProblem.of(new ApiException(412, null, "{\"title\":\"Precondition Failed\",\"status\":412}"));
        assertTrue(p.summary().contains("Quelqu'un d'autre"), p.summary());
    }

    @Test
    void anAnswerThatIsNotAProblemStillGivesAFrenchMessage() {
        ApiProblem p = ApiProblem.of(new ApiException(502, null, "<html>bad gateway</html>"));
        assertEquals(502, p.status());
        assertNull(p.requestId());
        assertTrue(p.summary().contains("indisponible"));
        ApiProblem unreachable = ApiProblem.of(new ApiException("connection refused"));
        assertTrue(unreachable.summary().contains("indisponible"));
    }
}
