package fr.passerelle.referral.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every state × action × actor, against the lifecycle of DESIGN.md written out here by hand (not read
 * from the production table). Cells: the state reached, 409 (not from this state) or 403 (never this actor).
 */
class ReferralStateMachineTest {

    // Columns, in this order:
    //                  SUBMIT RECEIVE REDIRECT ACCEPT WAITLIST DECLINE START COMPLETE CANCEL WITHDRAW_CONSENT
    private static final Map<Actor, List<String>> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put(Actor.ORIGIN, List.of(
                /* DRAFT       */ "SUB 403 403 403 403 403 403 403 CAN 403",
                /* SUBMITTED   */ "409 403 403 403 403 403 403 403 CAN 403",
                /* RECEIVED    */ "409 403 403 403 403 403 403 403 CAN 403",
                /* WAITLISTED  */ "409 403 403 403 403 403 403 403 CAN 403",
                /* ACCEPTED    */ "409 403 403 403 403 403 403 403 CAN 403",
                /* IN_PROGRESS */ "409 403 403 403 403 403 403 403 409 403",
                /* COMPLETED   */ "409 403 403 403 403 403 403 403 409 403",
                /* DECLINED    */ "409 403 403 403 403 403 403 403 409 403",
                /* REDIRECTED  */ "409 403 403 403 403 403 403 403 409 403",
                /* CANCELLED   */ "409 403 403 403 403 403 403 403 409 403"));
        EXPECTED.put(Actor.PLATFORM_COORDINATOR, List.of(
                /* DRAFT       */ "403 409 409 403 403 409 403 403 403 403",
                /* SUBMITTED   */ "403 REC 409 403 403 409 403 403 403 403",
                /* RECEIVED    */ "403 409 RED 403 403 DEC 403 403 403 403",
                /* WAITLISTED  */ "403 409 409 403 403 409 403 403 403 403",
                /* ACCEPTED    */ "403 409 409 403 403 409 403 403 403 403",
                /* IN_PROGRESS */ "403 409 409 403 403 409 403 403 403 403",
                /* COMPLETED   */ "403 409 409 403 403 409 403 403 403 403",
                /* DECLINED    */ "403 409 409 403 403 409 403 403 403 403",
                /* REDIRECTED  */ "403 409 409 403 403 409 403 403 403 403",
                /* CANCELLED   */ "403 409 409 403 403 409 403 403 403 403"));
        EXPECTED.put(Actor.PROGRAMME_PARTNER, List.of(
                /* DRAFT       */ "403 409 403 409 409 409 409 409 403 403",
                /* SUBMITTED   */ "403 REC 403 409 409 409 409 409 403 403",
                /* RECEIVED    */ "403 409 403 ACC WAI DEC 409 409 403 403",
                /* WAITLISTED  */ "403 409 403 ACC 409 DEC 409 409 403 403",
                /* ACCEPTED    */ "403 409 403 409 409 409 INP 409 403 403",
                /* IN_PROGRESS */ "403 409 403 409 409 409 409 COM 403 403",
                /* COMPLETED   */ "403 409 403 409 409 409 409 409 403 403",
                /* DECLINED    */ "403 409 403 409 409 409 409 409 403 403",
                /* REDIRECTED  */ "403 409 403 409 409 409 409 409 403 403",
                /* CANCELLED   */ "403 409 403 409 409 409 409 409 403 403"));
        // The commission's coordinator receives and decides; it never starts or completes as such.
        EXPECTED.put(Actor.COMMISSION, List.of(
                /* DRAFT       */ "403 409 403 409 409 409 403 403 403 403",
                /* SUBMITTED   */ "403 REC 403 409 409 409 403 403 403 403",
                /* RECEIVED    */ "403 409 403 ACC WAI DEC 403 403 403 403",
                /* WAITLISTED  */ "403 409 403 ACC 409 DEC 403 403 403 403",
                /* ACCEPTED    */ "403 409 403 409 409 409 403 403 403 403",
                /* IN_PROGRESS */ "403 409 403 409 409 409 403 403 403 403",
                /* COMPLETED   */ "403 409 403 409 409 409 403 403 403 403",
                /* DECLINED    */ "403 409 403 409 409 409 403 403 403 403",
                /* REDIRECTED  */ "403 409 403 409 409 409 403 403 403 403",
                /* CANCELLED   */ "403 409 403 409 409 409 403 403 403 403"));
        // ... and, while the organisation has no partner account, records the start and the outcome.
        EXPECTED.put(Actor.COMMISSION_ACTING_FOR_PARTNER, List.of(
                /* DRAFT       */ "403 403 403 403 403 403 409 409 403 403",
                /* SUBMITTED   */ "403 403 403 403 403 403 409 409 403 403",
                /* RECEIVED    */ "403 403 403 403 403 403 409 409 403 403",
                /* WAITLISTED  */ "403 403 403 403 403 403 409 409 403 403",
                /* ACCEPTED    */ "403 403 403 403 403 403 INP 409 403 403",
                /* IN_PROGRESS */ "403 403 403 403 403 403 409 COM 403 403",
                /* COMPLETED   */ "403 403 403 403 403 403 409 409 403 403",
                /* DECLINED    */ "403 403 403 403 403 403 409 409 403 403",
                /* REDIRECTED  */ "403 403 403 403 403 403 409 409 403 403",
                /* CANCELLED   */ "403 403 403 403 403 403 409 409 403 403"));
        EXPECTED.put(Actor.SYSTEM, List.of(
                /* DRAFT       */ "403 403 403 403 403 403 403 403 403 CAN",
                /* SUBMITTED   */ "403 403 403 403 403 403 403 403 403 CAN",
                /* RECEIVED    */ "403 403 403 403 403 403 403 403 403 CAN",
                /* WAITLISTED  */ "403 403 403 403 403 403 403 403 403 CAN",
                /* ACCEPTED    */ "403 403 403 403 403 403 403 403 403 CAN",
                /* IN_PROGRESS */ "403 403 403 403 403 403 403 403 403 CAN",
                /* COMPLETED   */ "403 403 403 403 403 403 403 403 403 409",
                /* DECLINED    */ "403 403 403 403 403 403 403 403 403 409",
                /* REDIRECTED  */ "403 403 403 403 403 403 403 403 403 409",
                /* CANCELLED   */ "403 403 403 403 403 403 403 403 403 409"));
    }

    private static final List<ReferralStatus> ROWS = List.of(ReferralStatus.DRAFT, ReferralStatus.SUBMITTED,
            ReferralStatus.RECEIVED, ReferralStatus.WAITLISTED, ReferralStatus.ACCEPTED, ReferralStatus.IN_PROGRESS,
            ReferralStatus.COMPLETED, ReferralStatus.DECLINED, ReferralStatus.REDIRECTED, ReferralStatus.CANCELLED);
    private static final List<LifecycleAction> COLUMNS = List.of(LifecycleAction.SUBMIT, LifecycleAction.RECEIVE,
            LifecycleAction.REDIRECT, LifecycleAction.ACCEPT, LifecycleAction.WAITLIST, LifecycleAction.DECLINE,
            LifecycleAction.START, LifecycleAction.COMPLETE, LifecycleAction.CANCEL, LifecycleAction.WITHDRAW_CONSENT);
    private static final Map<String, ReferralStatus> ABBREVIATIONS = Map.of("SUB", ReferralStatus.SUBMITTED,
            "REC", ReferralStatus.RECEIVED, "RED", ReferralStatus.REDIRECTED, "ACC", ReferralStatus.ACCEPTED,
            "WAI", ReferralStatus.WAITLISTED, "DEC", ReferralStatus.DECLINED, "INP", ReferralStatus.IN_PROGRESS,
            "COM", ReferralStatus.COMPLETED, "CAN", ReferralStatus.CANCELLED);

    @Test
    void theTableCoversEveryStateActionAndActor() {
        assertEquals(EnumSet.allOf(ReferralStatus.class), EnumSet.copyOf(ROWS));
        assertEquals(EnumSet.allOf(LifecycleAction.class), EnumSet.copyOf(COLUMNS));
        assertEquals(EnumSet.allOf(Actor.class), EnumSet.copyOf(EXPECTED.keySet()));
    }

    @Test
    void everyStateActionAndActorIsDecidedAsDesigned() {
        int checked = 0;
        for (var entry : EXPECTED.entrySet()) {
            Actor actor = entry.getKey();
            for (int row = 0; row < ROWS.size(); row++) {
                String[] cells = entry.getValue().get(row).trim().split("\\s+");
                assertEquals(COLUMNS.size(), cells.length, actor + " row " + ROWS.get(row));
                for (int col = 0; col < COLUMNS.size(); col++) {
                    var decision = ReferralStateMachine.decide(ROWS.get(row), COLUMNS.get(col), EnumSet.of(actor));
                    assertEquals(expected(cells[col], ROWS.get(row), COLUMNS.get(col)), decision,
                            actor + " " + COLUMNS.get(col) + " from " + ROWS.get(row));
                    checked++;
                }
            }
        }
        assertEquals(6 * 10 * 10, checked);
    }

    @Test
    void aCallerWithNoPartMayDoNothing() {
        for (ReferralStatus s : ReferralStatus.values()) {
            for (LifecycleAction a : LifecycleAction.values()) {
                assertEquals(new ReferralStateMachine.Forbidden(a), ReferralStateMachine.decide(s, a, Set.of()));
            }
        }
    }

    @Test
    void aCallerWithSeveralPartsGetsTheUnionOfTheirRights() {
        // A coordinator who filed a referral to its own platform: origin and target at once.
        Set<Actor> both = EnumSet.of(Actor.ORIGIN, Actor.PLATFORM_COORDINATOR);
        assertEquals(new ReferralStateMachine.Allowed(ReferralStatus.RECEIVED),
                ReferralStateMachine.decide(ReferralStatus.SUBMITTED, LifecycleAction.RECEIVE, both));
        assertEquals(new ReferralStateMachine.Allowed(ReferralStatus.CANCELLED),
                ReferralStateMachine.decide(ReferralStatus.SUBMITTED, LifecycleAction.CANCEL, both));
        assertEquals(EnumSet.of(LifecycleAction.REDIRECT, LifecycleAction.DECLINE, LifecycleAction.CANCEL),
                ReferralStateMachine.available(ReferralStatus.RECEIVED, both));
    }

    @Test
    void availableActionsListOnlyEndpoints() {
        assertEquals(EnumSet.of(LifecycleAction.ACCEPT, LifecycleAction.WAITLIST, LifecycleAction.DECLINE),
                ReferralStateMachine.available(ReferralStatus.RECEIVED, EnumSet.of(Actor.PROGRAMME_PARTNER)));
        assertTrue(ReferralStateMachine.available(ReferralStatus.IN_PROGRESS, EnumSet.of(Actor.SYSTEM)).isEmpty());
        assertTrue(Arrays.stream(LifecycleAction.values()).filter(a -> a != LifecycleAction.WITHDRAW_CONSENT)
                .allMatch(a -> a.path() != null));
    }

    @Test
    void theResponsiblePartyIsWhoeverCanMoveTheReferralForwardNow() {
        // Written by hand: state -> actors responsible at that stage (cancelling does not count).
        Map<ReferralStatus, Set<Actor>> expected = new LinkedHashMap<>();
        expected.put(ReferralStatus.DRAFT, EnumSet.of(Actor.ORIGIN));
        expected.put(ReferralStatus.SUBMITTED, EnumSet.of(Actor.PLATFORM_COORDINATOR, Actor.PROGRAMME_PARTNER, Actor.COMMISSION));
        expected.put(ReferralStatus.RECEIVED, EnumSet.of(Actor.PLATFORM_COORDINATOR, Actor.PROGRAMME_PARTNER, Actor.COMMISSION));
        expected.put(ReferralStatus.WAITLISTED, EnumSet.of(Actor.PROGRAMME_PARTNER, Actor.COMMISSION));
        expected.put(ReferralStatus.ACCEPTED, EnumSet.of(Actor.PROGRAMME_PARTNER, Actor.COMMISSION_ACTING_FOR_PARTNER));
        expected.put(ReferralStatus.IN_PROGRESS, EnumSet.of(Actor.PROGRAMME_PARTNER, Actor.COMMISSION_ACTING_FOR_PARTNER));
        for (ReferralStatus s : ReferralStatus.TERMINAL) {
            expected.put(s, EnumSet.noneOf(Actor.class));
        }
        assertEquals(EnumSet.allOf(ReferralStatus.class), EnumSet.copyOf(expected.keySet()));
        for (ReferralStatus s : ReferralStatus.values()) {
            for (Actor a : Actor.values()) {
                assertEquals(expected.get(s).contains(a), ReferralStateMachine.responsible(s, EnumSet.of(a)), a + " in " + s);
            }
        }
    }

    @Test
    void theCoordinatorActingForAPartnerlessOrganisationOnlyStartsAndCompletes() {
        for (LifecycleAction a : LifecycleAction.values()) {
            assertEquals(a == LifecycleAction.START || a == LifecycleAction.COMPLETE,
                    ReferralStateMachine.grants(a, Actor.COMMISSION_ACTING_FOR_PARTNER), a.name());
        }
        Set<Actor> commissionWithoutPartner = EnumSet.of(Actor.COMMISSION, Actor.COMMISSION_ACTING_FOR_PARTNER);
        assertEquals(EnumSet.of(LifecycleAction.START),
                ReferralStateMachine.available(ReferralStatus.ACCEPTED, commissionWithoutPartner));
        assertTrue(ReferralStateMachine.available(ReferralStatus.ACCEPTED, EnumSet.of(Actor.COMMISSION)).isEmpty());
    }

    @Test
    void positiveExitsAreTheFiveOfTheE2cDefinition() {
        assertEquals(EnumSet.of(Outcome.RETURN_TO_SCHOOL, Outcome.APPRENTICESHIP, Outcome.QUALIFYING_TRAINING,
                        Outcome.EMPLOYMENT, Outcome.CIVIC_SERVICE),
                EnumSet.copyOf(Arrays.stream(Outcome.values()).filter(Outcome::positiveExit).toList()));
        assertEquals(9, Outcome.values().length);
    }

    /** The hand-written table's answer for one actor (the property tests use it as their oracle). */
    static ReferralStateMachine.Decision oracle(Actor actor, ReferralStatus from, LifecycleAction action) {
        String[] cells = EXPECTED.get(actor).get(ROWS.indexOf(from)).trim().split("\\s+");
        return expected(cells[COLUMNS.indexOf(action)], from, action);
    }

    private static ReferralStateMachine.Decision expected(String cell, ReferralStatus from, LifecycleAction action) {
        return switch (cell) {
            case "403" -> new ReferralStateMachine.Forbidden(action);
            case "409" -> new ReferralStateMachine.Illegal(from, action);
            default -> new ReferralStateMachine.Allowed(ABBREVIATIONS.get(cell));
        };
    }
}
