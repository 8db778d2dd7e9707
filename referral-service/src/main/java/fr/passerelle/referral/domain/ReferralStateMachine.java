package fr.passerelle.referral.domain;

import static fr.passerelle.referral.domain.Actor.COMMISSION;
import static fr.passerelle.referral.domain.Actor.COMMISSION_ACTING_FOR_PARTNER;
import static fr.passerelle.referral.domain.Actor.ORIGIN;
import static fr.passerelle.referral.domain.Actor.PLATFORM_COORDINATOR;
import static fr.passerelle.referral.domain.Actor.PROGRAMME_PARTNER;
import static fr.passerelle.referral.domain.Actor.SYSTEM;
import static fr.passerelle.referral.domain.LifecycleAction.ACCEPT;
import static fr.passerelle.referral.domain.LifecycleAction.CANCEL;
import static fr.passerelle.referral.domain.LifecycleAction.COMPLETE;
import static fr.passerelle.referral.domain.LifecycleAction.DECLINE;
import static fr.passerelle.referral.domain.LifecycleAction.RECEIVE;
import static fr.passerelle.referral.domain.LifecycleAction.REDIRECT;
import static fr.passerelle.referral.domain.LifecycleAction.START;
import static fr.passerelle.referral.domain.LifecycleAction.SUBMIT;
import static fr.passerelle.referral.domain.LifecycleAction.WAITLIST;
import static fr.passerelle.referral.domain.LifecycleAction.WITHDRAW_CONSENT;
import static fr.passerelle.referral.domain.ReferralStatus.ACCEPTED;
import static fr.passerelle.referral.domain.ReferralStatus.CANCELLED;
import static fr.passerelle.referral.domain.ReferralStatus.COMPLETED;
import static fr.passerelle.referral.domain.ReferralStatus.DECLINED;
import static fr.passerelle.referral.domain.ReferralStatus.DRAFT;
import static fr.passerelle.referral.domain.ReferralStatus.IN_PROGRESS;
import static fr.passerelle.referral.domain.ReferralStatus.RECEIVED;
import static fr.passerelle.referral.domain.ReferralStatus.REDIRECTED;
import static fr.passerelle.referral.domain.ReferralStatus.SUBMITTED;
import static fr.passerelle.referral.domain.ReferralStatus.WAITLISTED;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The referral lifecycle, once: every transition (state × action → state) with the actors allowed
 * to take it. The service decides with {@link #decide}, the OpenAPI description prints {@link #TRANSITIONS},
 * and nothing else in the code knows which transition is legal.
 */
public final class ReferralStateMachine {

    public record Transition(ReferralStatus from, LifecycleAction action, ReferralStatus to, Set<Actor> actors) {
    }

    public static final List<Transition> TRANSITIONS = List.of(
            t(DRAFT, SUBMIT, SUBMITTED, ORIGIN),
            t(SUBMITTED, RECEIVE, RECEIVED, PLATFORM_COORDINATOR, PROGRAMME_PARTNER, COMMISSION),
            t(RECEIVED, REDIRECT, REDIRECTED, PLATFORM_COORDINATOR),
            t(RECEIVED, ACCEPT, ACCEPTED, PROGRAMME_PARTNER, COMMISSION),
            t(RECEIVED, WAITLIST, WAITLISTED, PROGRAMME_PARTNER, COMMISSION),
            t(RECEIVED, DECLINE, DECLINED, PLATFORM_COORDINATOR, PROGRAMME_PARTNER, COMMISSION),
            t(WAITLISTED, ACCEPT, ACCEPTED, PROGRAMME_PARTNER, COMMISSION),
            t(WAITLISTED, DECLINE, DECLINED, PROGRAMME_PARTNER, COMMISSION),
            // A commission-admitted programme whose organisation has no partner account: the coordinator records them.
            t(ACCEPTED, START, IN_PROGRESS, PROGRAMME_PARTNER, COMMISSION_ACTING_FOR_PARTNER),
            t(IN_PROGRESS, COMPLETE, COMPLETED, PROGRAMME_PARTNER, COMMISSION_ACTING_FOR_PARTNER),
            t(DRAFT, CANCEL, CANCELLED, ORIGIN),
            t(SUBMITTED, CANCEL, CANCELLED, ORIGIN),
            t(RECEIVED, CANCEL, CANCELLED, ORIGIN),
            t(WAITLISTED, CANCEL, CANCELLED, ORIGIN),
            t(ACCEPTED, CANCEL, CANCELLED, ORIGIN),
            // Consent withdrawal stops every open referral, even one already in progress.
            t(DRAFT, WITHDRAW_CONSENT, CANCELLED, SYSTEM),
            t(SUBMITTED, WITHDRAW_CONSENT, CANCELLED, SYSTEM),
            t(RECEIVED, WITHDRAW_CONSENT, CANCELLED, SYSTEM),
            t(WAITLISTED, WITHDRAW_CONSENT, CANCELLED, SYSTEM),
            t(ACCEPTED, WITHDRAW_CONSENT, CANCELLED, SYSTEM),
            t(IN_PROGRESS, WITHDRAW_CONSENT, CANCELLED, SYSTEM));

    /** What the service must answer to an attempted action. */
    public sealed interface Decision permits Allowed, Forbidden, Illegal {
    }

    /** Go ahead: the referral moves to {@code to}. */
    public record Allowed(ReferralStatus to) implements Decision {
    }

    /** 403: none of the caller's parts may ever take this action on this referral. */
    public record Forbidden(LifecycleAction action) implements Decision {
    }

    /** 409: the caller could take this action, but not from the current state. */
    public record Illegal(ReferralStatus from, LifecycleAction action) implements Decision {
    }

    private ReferralStateMachine() {
    }

    public static Decision decide(ReferralStatus from, LifecycleAction action, Set<Actor> callerActors) {
        boolean mayEverAct = TRANSITIONS.stream()
                .anyMatch(t -> t.action() == action && intersects(t.actors(), callerActors));
        if (!mayEverAct) {
            return new Forbidden(action);
        }
        return TRANSITIONS.stream()
                .filter(t -> t.from() == from && t.action() == action && intersects(t.actors(), callerActors))
                .findFirst()
                .<Decision>map(t -> new Allowed(t.to()))
                .orElseGet(() -> new Illegal(from, action));
    }

    /** The endpoint actions this caller may take now, for clients to show only the buttons that work. */
    public static Set<LifecycleAction> available(ReferralStatus from, Set<Actor> callerActors) {
        return TRANSITIONS.stream()
                .filter(t -> t.from() == from && t.action().path() != null && intersects(t.actors(), callerActors))
                .map(Transition::action)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(LifecycleAction.class)));
    }

    /**
     * Whether these actors can move the referral forward from this state now: any endpoint action but CANCEL (which
     * ends it). This is "the party responsible for the referral at its current stage": who may assign it to a
     * colleague, and whose inbox counts it as needing action.
     */
    public static boolean responsible(ReferralStatus from, Set<Actor> callerActors) {
        return TRANSITIONS.stream().anyMatch(t -> t.from() == from && t.action().path() != null
                && t.action() != CANCEL && intersects(t.actors(), callerActors));
    }

    /** Whether some transition grants this action to this actor (from any state). */
    public static boolean grants(LifecycleAction action, Actor actor) {
        return TRANSITIONS.stream().anyMatch(t -> t.action() == action && t.actors().contains(actor));
    }

    /** Whether this actor takes some endpoint action from this state (so deciding whether the caller plays it matters). */
    public static boolean actsFrom(ReferralStatus from, Actor actor) {
        return TRANSITIONS.stream().anyMatch(t -> t.from() == from && t.action().path() != null && t.actors().contains(actor));
    }

    /** The lifecycle as a Markdown table (OpenAPI description). */
    public static String markdownTable() {
        StringBuilder sb = new StringBuilder("| from | action | to | who |\n|---|---|---|---|\n");
        for (Transition t : TRANSITIONS) {
            sb.append("| ").append(t.from()).append(" | ")
                    .append(t.action().path() == null ? "(consent withdrawal on the case)" : "`POST /referrals/{id}/" + t.action().path() + "`")
                    .append(" | ").append(t.to()).append(" | ")
                    .append(t.actors().stream().map(Actor::name).sorted().collect(Collectors.joining(", ")))
                    .append(" |\n");
        }
        return sb.toString();
    }

    private static boolean intersects(Set<Actor> a, Set<Actor> b) {
        for (Actor x : b) {
            if (a.contains(x)) {
                return true;
            }
        }
        return false;
    }

    private static Transition t(ReferralStatus from, LifecycleAction action, ReferralStatus to, Actor... actors) {
        return new Transition(from, action, to, Set.copyOf(EnumSet.of(actors[0], actors)));
    }
}
