package fr.passerelle.referral.domain;

/** What a request did to a case, and the purpose that follows from it (both stored on each audit row). */
public enum AuditOperation {
    CASE_CREATE(Purpose.REFERRAL_MANAGEMENT),
    CASE_READ(Purpose.REFERRAL_MANAGEMENT),
    CASE_LIST(Purpose.REFERRAL_MANAGEMENT),
    CASE_UPDATE(Purpose.REFERRAL_MANAGEMENT),
    CASE_CLOSE(Purpose.REFERRAL_MANAGEMENT),
    /** Cases whose names were compared with a new or corrected case and whose ids were answered as possible duplicates. */
    CASE_DUPLICATE_CHECK(Purpose.REFERRAL_MANAGEMENT),
    /** A coordinator merged a duplicate case into a surviving one (both ids recorded). */
    CASE_MERGED(Purpose.REFERRAL_MANAGEMENT),
    CASE_CONSENT_WITHDRAW(Purpose.CONSENT_MANAGEMENT),
    CASE_TIMELINE_READ(Purpose.REFERRAL_MANAGEMENT),
    /** A creation's stored answer given again for the same Idempotency-Key: it carries the case's data again. */
    IDEMPOTENT_REPLAY(Purpose.REFERRAL_MANAGEMENT),
    REFERRAL_CREATE(Purpose.REFERRAL_MANAGEMENT),
    REFERRAL_READ(Purpose.REFERRAL_MANAGEMENT),
    REFERRAL_INBOX(Purpose.REFERRAL_MANAGEMENT),
    REFERRAL_SUBMIT(Purpose.REFERRAL_MANAGEMENT),
    REFERRAL_RECEIVE(Purpose.ADMISSION),
    REFERRAL_REDIRECT(Purpose.TRIAGE),
    REFERRAL_ACCEPT(Purpose.ADMISSION),
    REFERRAL_WAITLIST(Purpose.ADMISSION),
    REFERRAL_DECLINE(Purpose.ADMISSION),
    REFERRAL_START(Purpose.SUPPORT_FOLLOW_UP),
    REFERRAL_COMPLETE(Purpose.SUPPORT_FOLLOW_UP),
    REFERRAL_CANCEL(Purpose.REFERRAL_MANAGEMENT),
    REFERRAL_ASSIGN(Purpose.REFERRAL_MANAGEMENT),
    /** The situation recorded 6 or 12 months after completion. */
    REFERRAL_OUTCOME_FOLLOW_UP(Purpose.SUPPORT_FOLLOW_UP),
    FOLLOW_UP_CREATE(Purpose.SUPPORT_FOLLOW_UP),
    FOLLOW_UP_LIST(Purpose.SUPPORT_FOLLOW_UP),
    TRIAGE_LIST(Purpose.TRIAGE),
    AUDIT_LOG_READ(Purpose.DATA_PROTECTION_OVERSIGHT),
    SUBJECT_ACCESS_EXPORT(Purpose.DATA_SUBJECT_RIGHTS),
    RETENTION_ANONYMISE(Purpose.RETENTION_POLICY),
    /** The deadline job read a case's birth date and schooling status to raise the training-obligation alert. */
    TRAINING_OBLIGATION_ALERT(Purpose.REFERRAL_MANAGEMENT);

    public enum Purpose {
        REFERRAL_MANAGEMENT, CONSENT_MANAGEMENT, TRIAGE, ADMISSION, SUPPORT_FOLLOW_UP, DATA_PROTECTION_OVERSIGHT,
        DATA_SUBJECT_RIGHTS, RETENTION_POLICY
    }

    private final Purpose purpose;

    AuditOperation(Purpose purpose) {
        this.purpose = purpose;
    }

    public Purpose purpose() {
        return purpose;
    }

    public static AuditOperation of(LifecycleAction action) {
        return switch (action) {
            case SUBMIT -> REFERRAL_SUBMIT;
            case RECEIVE -> REFERRAL_RECEIVE;
            case REDIRECT -> REFERRAL_REDIRECT;
            case ACCEPT -> REFERRAL_ACCEPT;
            case WAITLIST -> REFERRAL_WAITLIST;
            case DECLINE -> REFERRAL_DECLINE;
            case START -> REFERRAL_START;
            case COMPLETE -> REFERRAL_COMPLETE;
            case CANCEL -> REFERRAL_CANCEL;
            case WITHDRAW_CONSENT -> CASE_CONSENT_WITHDRAW;
        };
    }
}
