package fr.passerelle.referral.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.referral.domain.ReferralStateMachine.Allowed;
import fr.passerelle.referral.domain.ReferralStateMachine.Decision;
import fr.passerelle.referral.domain.ReferralStateMachine.Forbidden;
import fr.passerelle.referral.domain.ReferralStateMachine.Illegal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The lifecycle under random use: sequences of actions attempted by callers playing random parts (one, several or
 * none), from a new draft. The oracle is ReferralStateMachineTest's hand-written table, combined for several parts
 * the way the design says (a caller has the union of its parts' rights).
 */
class ReferralLifecyclePropertyTest {

    record Attempt(LifecycleAction action, Set<Actor> parts) {
    }

    @Provide
    Arbitrary<Set<Actor>> parts() {
        return Arbitraries.of(Actor.class).set().ofMaxSize(3);
    }

    @Provide
    Arbitrary<List<Attempt>> walks() {
        return Combinators.combine(Arbitraries.of(LifecycleAction.class), parts()).as(Attempt::new).list().ofMaxSize(40);
    }

    @Property(tries = 2000)
    void aRandomWalkIsDecidedAsTheOracleSaysAndTerminalStatesStayTerminal(@ForAll("walks") List<Attempt> walk) {
        ReferralStatus state = ReferralStatus.DRAFT;
        List<String> path = new ArrayList<>();
        for (Attempt attempt : walk) {
            Decision decision = ReferralStateMachine.decide(state, attempt.action(), attempt.parts());
            path.add(state + " -" + attempt.action() + attempt.parts() + "-> " + decision);
            assertEquals(oracle(state, attempt.action(), attempt.parts()), decision, String.join("\n", path));
            boolean endpoint = attempt.action().path() != null;
            assertEquals(decision instanceof Allowed && endpoint,
                    ReferralStateMachine.available(state, attempt.parts()).contains(attempt.action()), String.join("\n", path));
            if (!state.open()) {
                assertFalse(decision instanceof Allowed, "a terminal state was left:\n" + String.join("\n", path));
            }
            if (decision instanceof Allowed allowed) {
                assertNotEquals(ReferralStatus.DRAFT, allowed.to(), "nothing goes back to draft");
                assertNotEquals(state, allowed.to(), "an allowed action changes the state");
                state = allowed.to();
            }
        }
    }

    @Property(tries = 1000)
    void everySingleDecisionAgreesWithTheOracle(@ForAll ReferralStatus from, @ForAll LifecycleAction action,
                                                @ForAll("parts") Set<Actor> parts) {
        assertEquals(oracle(from, action, parts), ReferralStateMachine.decide(from, action, parts));
    }

    @Property(tries = 500)
    void aTerminalStateOffersNothingAndNobodyIsResponsibleForIt(@ForAll LifecycleAction action, @ForAll("parts") Set<Actor> parts,
                                                                @ForAll("terminal") ReferralStatus terminal) {
        assertFalse(ReferralStateMachine.decide(terminal, action, parts) instanceof Allowed);
        assertTrue(ReferralStateMachine.available(terminal, parts).isEmpty());
        assertFalse(ReferralStateMachine.responsible(terminal, parts));
    }

    @Provide
    Arbitrary<ReferralStatus> terminal() {
        return Arbitraries.of(ReferralStatus.TERMINAL);
    }

    @Property(tries = 500)
    void anOpenReferralCanAlwaysBeEndedByWithdrawingConsent(@ForAll("open") ReferralStatus open) {
        assertEquals(new Allowed(ReferralStatus.CANCELLED),
                ReferralStateMachine.decide(open, LifecycleAction.WITHDRAW_CONSENT, EnumSet.of(Actor.SYSTEM)));
    }

    @Provide
    Arbitrary<ReferralStatus> open() {
        return Arbitraries.of(ReferralStatus.openStates());
    }

    /** The table's answer for several parts: allowed if one part may, else 409 if one part could elsewhere, else 403. */
    static Decision oracle(ReferralStatus from, LifecycleAction action, Set<Actor> parts) {
        Decision combined = new Forbidden(action);
        for (Actor part : parts) {
            Decision one = ReferralStateMachineTest.oracle(part, from, action);
            if (one instanceof Allowed) {
                if (combined instanceof Allowed earlier) {
                    assertEquals(earlier, one, "the table sends two parts to different states");
                }
                combined = one;
            } else if (one instanceof Illegal && combined instanceof Forbidden) {
                combined = one;
            }
        }
        return combined;
    }
}
