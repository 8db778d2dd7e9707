package fr.passerelle.testing;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The shared rules pass a module in the expected shape and name every breach of one that is not. */
class ArchitectureRulesTest {

    private static final String GOOD = "fr.passerelle.testing.archexample.good";
    private static final String BAD = "fr.passerelle.testing.archexample.bad";

    @Test
    void aModuleInTheSharedShapePasses() {
        assertDoesNotThrow(() -> ArchitectureRules.ofTestClasses(GOOD).check());
    }

    @Test
    void everyBrokenRuleIsNamedWithItsViolations() {
        AssertionError failure = assertThrows(AssertionError.class, () -> ArchitectureRules.ofTestClasses(BAD).check());
        String report = failure.getMessage();
        for (String rule : List.of("layers are crossed in one direction only", "resources never touch repositories or clients",
                "nothing outside rest depends on rest", "only rest and clients speak HTTP",
                "resources are thin and implement an annotated *Api interface",
                "typed query parameters repeat their @QueryParam on the resource", "packages have no cycles")) {
            assertTrue(report.contains(rule + ":"), "not reported: " + rule + "\n" + report);
        }
        assertTrue(report.contains("LooseResource does not implement an *Api interface"), report);
        assertTrue(report.contains("SloppyResource.list does not repeat @QueryParam(\"size\")"), report);
        assertFalse(report.contains("entities never leave the service layer:"), report);
    }

    @Test
    void aWaiverLetsOneNamedBreachThroughAndNoOther() {
        AssertionError failure = assertThrows(AssertionError.class, () -> ArchitectureRules.ofTestClasses(BAD)
                .waiving("packages have no cycles", "example").check());
        assertFalse(failure.getMessage().contains("packages have no cycles:"), failure.getMessage());
        assertTrue(failure.getMessage().contains("only rest and clients speak HTTP:"), failure.getMessage());
    }

    @Test
    void aWaiverNoLongerNeededFailsUntilRemoved() {
        AssertionError failure = assertThrows(AssertionError.class, () -> ArchitectureRules.ofTestClasses(GOOD)
                .waiving("packages have no cycles", "was needed once").check());
        assertTrue(failure.getMessage().contains("kept now, remove its waiver (was needed once)"), failure.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ArchitectureRules.ofTestClasses(GOOD).waiving("no such rule", "x"));
    }

    @Test
    void rulesAreStatedOnceForEveryModule() {
        assertEquals(ArchitectureRules.ofTestClasses(GOOD).rules().keySet(), ArchitectureRules.ofTestClasses(BAD).rules().keySet());
        assertTrue(ArchitectureRules.ofTestClasses(GOOD).classCount() >= 4);
    }
}
