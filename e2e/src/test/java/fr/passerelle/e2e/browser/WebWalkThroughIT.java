package fr.passerelle.e2e.browser;

import static fr.passerelle.e2e.browser.Pages.check;
import static fr.passerelle.e2e.browser.Pages.choose;
import static fr.passerelle.e2e.browser.Pages.click;
import static fr.passerelle.e2e.browser.Pages.content;
import static fr.passerelle.e2e.browser.Pages.date;
import static fr.passerelle.e2e.browser.Pages.open;
import static fr.passerelle.e2e.browser.Pages.text;
import static fr.passerelle.e2e.browser.Pages.type;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.e2e.support.Api;
import fr.passerelle.e2e.support.E2e;
import fr.passerelle.e2e.support.Run;
import fr.passerelle.e2e.support.Stack;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The README's story by clicks, in a real browser, through the gateway: referent1 opens a case (a refused birth date
 * first: the error next to the field, nothing typed lost), finds « Le Fil d'Ariane » with the programme finder and
 * files a referral; coordinator1 sees it in the triage queue; partner1 finds it in the inbox, is told when someone
 * else changed it meanwhile (412), then receives, accepts, starts and completes it; referent1 reads the outcome;
 * referent2 cannot open referent1's case or referral by URL. Every page passes axe (no serious or critical
 * violation) and shows no token to its scripts. With -Dpasserelle.screens the main pages go to docs/screens/.
 */
@E2e
@Order(5)
class WebWalkThroughIT {

    private static final Pattern ID = Pattern.compile("/(dossiers|orientations)/([0-9a-f-]{36})");

    @BeforeAll
    static void theWebApplicationRuns() {
        assertTrue(Stack.webReady(), "the web application is not ready on " + Stack.WEB_MANAGEMENT + "/q/health/ready");
    }

    @Test
    void aReferralFromSchoolToPartnerAndBackByClicks() {
        // The run's marker names let LogHygieneIT prove no log line carries them; the committed screenshots
        // (-Dpasserelle.screens) show a plausible pupil instead, born on a random day so two runs never collide.
        boolean forDocs = System.getProperty("passerelle.screens") != null;
        String firstName = forDocs ? "Lina" : Run.markerName("web");
        String lastName = forDocs ? "Martin" : Run.MARKER + "nom";
        String birthDate = Api.today().minusYears(17).minusDays(30 + new java.util.Random().nextInt(300)).toString();
        String today = Api.today().toString();
        String caseId;
        String referralId;

        try (Browser referent = Browser.open()) {
            Login.as(referent, "referent1");
            open(referent, "/dossiers/nouveau");
            check(referent, "new case");
            type(referent, "firstName", firstName);
            type(referent, "lastName", lastName);
            date(referent, "birthDate", Api.today().plusYears(1).toString()); // refused: born in the future
            choose(referent, "schoolLevel", "PREMIERE");
            type(referent, "homeCommuneCode", Api.VILLEURBANNE);
            choose(referent, "consent-givenBy", "GUARDIAN");
            choose(referent, "consent-purpose", "REFERRAL");
            date(referent, "consent-givenAt", today);
            click(referent, "bouton-creer-dossier");
            assertTrue(referent.waitVisible(By.id("birthDate-erreur")).getText().length() > 5,
                    "the refusal is shown next to the birth date");
            assertEquals(firstName, referent.driver().findElement(By.id("firstName")).getAttribute("value"),
                    "what the user typed is kept");
            assertTrue(referent.isPresent(By.id("erreur")), "a summary of the refusal at the top");
            check(referent, "new case refused");
            referent.script("document.getElementById('birthDate').scrollIntoView({block: 'center'});");
            referent.screenshotForDocs("dossier-erreur");

            date(referent, "birthDate", birthDate);
            click(referent, "bouton-creer-dossier");
            caseId = idFrom(referent.url(), "dossiers");
            assertTrue(text(referent, "nom-eleve").contains(lastName), "the case page shows the pupil");
            check(referent, "case");

            // The programme finder, from the case: « Le Fil d'Ariane » matches, with its reasons.
            click(referent, "bouton-orienter");
            click(referent, "bouton-chercher-dispositifs");
            String result = text(referent, "dispositif-" + Api.FIL_D_ARIANE);
            assertTrue(result.contains("Fil d'Ariane") || result.contains("Fil d’Ariane"), result);
            check(referent, "programme finder");
            referent.screenshotForDocs("recherche-dispositif");

            click(referent, "orienter-" + Api.FIL_D_ARIANE);
            choose(referent, "reason", "ABSENTEEISM");
            choose(referent, "urgency", "HIGH");
            type(referent, "context", "Absences répétées depuis la rentrée.");
            check(referent, "file a referral");
            click(referent, "bouton-envoyer-orientation");
            referralId = idFrom(referent.url(), "orientations");
            assertEquals("Transmise", content(referent, "statut-orientation"));
            check(referent, "referral filed");
            referent.screenshotForDocs("orientation-transmise");
        }

        try (Browser coordinator = Browser.open()) {
            Login.as(coordinator, "coordinator1");
            open(coordinator, "/triage");
            assertTrue(coordinator.isPresent(By.id("orientation-" + referralId)), "the referral is in the triage queue");
            check(coordinator, "triage queue");
            coordinator.screenshotForDocs("file-de-triage");
        }

        try (Browser partner = Browser.open()) {
            Login.as(partner, "partner1");
            open(partner, "/orientations");
            assertTrue(partner.isPresent(By.id("orientation-" + referralId)), "the referral is in partner1's inbox");
            check(partner, "partner inbox");
            partner.screenshotForDocs("orientations-recues");

            open(partner, "/orientations/" + referralId);
            check(partner, "referral, partner");
            // Someone else of the organisation acknowledges it meanwhile (through the API): the page says so.
            Api.as("partner1").header("If-Match", Api.etag("partner1", referralId)).body(Map.of())
                    .post("/api/v1/referrals/" + referralId + "/receive").then().statusCode(200);
            click(partner, "bouton-accuser-reception");
            String stale = text(partner, "erreur");
            assertTrue(stale.contains("Quelqu'un d'autre") || stale.contains("n'est pas possible"),
                    "the user learns the referral changed under them: " + stale);
            open(partner, "/orientations/" + referralId);
            assertEquals("Reçue", content(partner, "statut-orientation"));

            click(partner, "bouton-accepter");
            assertEquals("Acceptée", content(partner, "statut-orientation"));
            date(partner, "start-startDate", today);
            click(partner, "bouton-commencer");
            assertEquals("En cours", content(partner, "statut-orientation"));
            choose(partner, "complete-outcome", "RETURN_TO_SCHOOL");
            date(partner, "complete-outcomeDate", today);
            partner.screenshotForDocs("orientation-partenaire");
            click(partner, "bouton-terminer");
            assertEquals("Terminée", content(partner, "statut-orientation"));
            check(partner, "referral completed");
        }

        try (Browser referent = Browser.open()) {
            Login.as(referent, "referent1");
            open(referent, "/orientations/" + referralId);
            assertEquals("Terminée", content(referent, "statut-orientation"));
            assertFalse(text(referent, "sortie").isBlank(), "the outcome is shown to the referent");
            check(referent, "outcome, referent");
            referent.screenshotForDocs("orientation-terminee");
            open(referent, "/dossiers/" + caseId);
            assertTrue(text(referent, "historique").length() > 20, "the case's timeline");
        }

        try (Browser other = Browser.open()) {
            Login.as(other, "referent2");
            for (String path : new String[] {"/dossiers/" + caseId, "/orientations/" + referralId}) {
                other.get(Pages.WEB + path);
                assertEquals("Page introuvable", other.waitVisible(By.id("titre-erreur")).getText(),
                        "referent2 cannot open referent1's " + path);
                assertFalse(other.text().contains(lastName), "nothing of the pupil shows on " + path);
                check(other, "not found");
            }
        }
    }

    private static String idFrom(String url, String kind) {
        Matcher m = ID.matcher(url);
        assertTrue(m.find() && m.group(1).equals(kind), "expected to be on a /" + kind + "/{id} page: " + url);
        UUID.fromString(m.group(2));
        return m.group(2);
    }
}
