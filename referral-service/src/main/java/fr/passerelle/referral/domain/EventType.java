package fr.passerelle.referral.domain;

import com.fasterxml.jackson.annotation.JsonValue;
import fr.passerelle.common.codes.Labelled;
import java.util.Arrays;
import java.util.Optional;

/** What the outbox announces (DESIGN.md, "Events, notifications and deadlines"); {@link #wire()} is the name on the wire. */
public enum EventType implements Labelled {
    REFERRAL_SUBMITTED("referral.submitted", "Nouvelle orientation reçue"),
    REFERRAL_RECEIVED("referral.received", "Orientation prise en compte"),
    REFERRAL_REDIRECTED("referral.redirected", "Orientation réorientée vers un dispositif"),
    REFERRAL_ACCEPTED("referral.accepted", "Orientation acceptée"),
    REFERRAL_WAITLISTED("referral.waitlisted", "Orientation placée en liste d'attente"),
    REFERRAL_DECLINED("referral.declined", "Orientation refusée"),
    REFERRAL_STARTED("referral.started", "Accompagnement commencé"),
    REFERRAL_COMPLETED("referral.completed", "Accompagnement terminé"),
    REFERRAL_CANCELLED("referral.cancelled", "Orientation annulée"),
    REFERRAL_OVERDUE("referral.overdue", "Orientation en retard"),
    REFERRAL_ASSIGNED("referral.assigned", "Orientation attribuée"),
    REFERRAL_OUTCOME_FOLLOW_UP_DUE("referral.outcome_follow_up_due", "Situation à 6 ou 12 mois à renseigner"),
    FOLLOWUP_ADDED("followup.added", "Nouvelle entrée de suivi"),
    CASE_CLOSED("case.closed", "Dossier clos"),
    CASE_CONSENT_WITHDRAWN("case.consent_withdrawn", "Consentement retiré"),
    CASE_TRAINING_OBLIGATION_ALERT("case.training_obligation_alert", "Alerte obligation de formation (16-18 ans)");

    private final String wire;
    private final String label;

    EventType(String wire, String label) {
        this.wire = wire;
        this.label = label;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    @Override
    public String label() {
        return label;
    }

    public static Optional<EventType> fromWire(String name) {
        return Arrays.stream(values()).filter(t -> t.wire.equals(name)).findFirst();
    }

    /** The event a lifecycle action announces. */
    public static EventType of(LifecycleAction action) {
        return switch (action) {
            case SUBMIT -> REFERRAL_SUBMITTED;
            case RECEIVE -> REFERRAL_RECEIVED;
            case REDIRECT -> REFERRAL_REDIRECTED;
            case ACCEPT -> REFERRAL_ACCEPTED;
            case WAITLIST -> REFERRAL_WAITLISTED;
            case DECLINE -> REFERRAL_DECLINED;
            case START -> REFERRAL_STARTED;
            case COMPLETE -> REFERRAL_COMPLETED;
            case CANCEL, WITHDRAW_CONSENT -> REFERRAL_CANCELLED;
        };
    }
}
