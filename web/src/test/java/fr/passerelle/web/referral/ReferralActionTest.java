package fr.passerelle.web.referral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReferralActionTest {

    @Test
    void slugsPrefixesAndConfirmationCodesAreUnique() {
        Set<String> slugs = new HashSet<>();
        Set<String> prefixes = new HashSet<>();
        Set<String> done = new HashSet<>();
        for (ReferralAction a : ReferralAction.values()) {
            assertTrue(slugs.add(a.slug()), a.slug());
            assertTrue(prefixes.add(a.prefix()), a.prefix());
            assertTrue(done.add(a.done()), a.done());
            assertEquals(a, ReferralAction.bySlug(a.slug()).orElseThrow());
            assertNotNull(ReferralAction.confirmationFor(a.done()));
        }
    }

    @Test
    void onlyKnownConfirmationCodesAreShown() {
        assertEquals("L'orientation est acceptée.", ReferralAction.confirmationFor("accepte"));
        assertNull(ReferralAction.confirmationFor("<script>"));
        assertNull(ReferralAction.confirmationFor(null));
        assertTrue(ReferralAction.bySlug("inconnu").isEmpty());
    }
}
