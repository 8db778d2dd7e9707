package fr.passerelle.referral.domain;

/** The kinds of message the service sends. */
public enum MailTemplate {
    /** Something happened to a referral or a case (one event). */
    EVENT,
    /** A deadline has passed: reminder to the party that must act. */
    OVERDUE_REMINDER,
    /** A deadline has passed: escalation to the platform coordinating the referral. */
    OVERDUE_ESCALATION,
    /** A webhook subscription was disabled after failing past its retry window. */
    WEBHOOK_DISABLED,
    /** One person's daily digest. */
    DIGEST
}
