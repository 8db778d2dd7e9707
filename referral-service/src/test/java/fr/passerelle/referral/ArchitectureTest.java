package fr.passerelle.referral;

import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

/** The layering every module keeps, stated once in test-support ({@link ArchitectureRules}). */
class ArchitectureTest {

    @Test
    void followsTheSharedArchitectureRules() {
        ArchitectureRules rules = ArchitectureRules.of("fr.passerelle.referral");
        assertTrue(rules.classCount() > 10, "main classes found: " + rules.classCount());
        rules.check();
    }
}
