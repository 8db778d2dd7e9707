package fr.passerelle.referral.domain;

/** What a referral waits for, and so which deadline runs ({@link DeadlinePolicy}). */
public enum DeadlineStage {
    /** SUBMITTED: the target must receive it. */
    RECEIPT,
    /** RECEIVED: the target must accept, waitlist, decline or redirect it. */
    DECISION,
    /** WAITLISTED: the waiting list must be reviewed (a follow-up entry on the referral counts as a review). */
    WAITLIST_REVIEW,
    /** ACCEPTED: the young person must start. */
    START
}
