package fr.passerelle.referral.mapping;

import fr.passerelle.referral.api.CaseView;
import fr.passerelle.referral.api.ConsentRecord;
import fr.passerelle.referral.api.GuardianContact;
import fr.passerelle.referral.domain.Guardian;
import fr.passerelle.referral.domain.PupilCase;
import fr.passerelle.referral.domain.Referral;
import java.util.List;

/** Case entity to its per-role views, and guardian contacts both ways. */
public final class CaseMapper {

    private CaseMapper() {
    }

    /** The whole case: the school's referent, the platform's coordinators, a subject-access export. */
    public static CaseView full(PupilCase c, List<Referral> visibleReferrals) {
        return new CaseView(c.id, "FULL", c.status, c.firstName, c.lastName, c.birthDate, c.ine, c.schoolUai, c.schoolLevel,
                c.schoolingStatus, c.homeCommuneCode, c.livesInQpv, guardians(c.guardians),
                c.consentGivenBy == null ? null : new ConsentRecord(c.consentGivenBy, c.consentGivenAt, c.consentPurpose),
                c.consentWithdrawnAt, c.originUai, c.originPlatform, c.createdAt, c.updatedAt, c.closedAt,
                c.anonymisedAt != null ? Boolean.TRUE : null, summaries(visibleReferrals), null);
    }

    /** What a referral's target needs to take the young person on: no INE, no consent record, guardians only after acceptance. */
    public static CaseView minimal(PupilCase c, List<Referral> ownReferrals, boolean withGuardians) {
        return new CaseView(c.id, "MINIMAL", c.status, c.firstName, c.lastName, c.birthDate, null, c.schoolUai, c.schoolLevel,
                c.schoolingStatus, c.homeCommuneCode, c.livesInQpv, withGuardians ? guardians(c.guardians) : null,
                null, null, null, null, c.createdAt, c.updatedAt, c.closedAt,
                c.anonymisedAt != null ? Boolean.TRUE : null, summaries(ownReferrals), null);
    }

    public static List<Guardian> toDomain(List<GuardianContact> contacts) {
        if (contacts == null) {
            return null;
        }
        return contacts.stream().map(g -> new Guardian(trim(g.firstName()), trim(g.lastName()), g.relationship(),
                trim(g.phone()), trim(g.email()))).toList();
    }

    private static List<GuardianContact> guardians(List<Guardian> guardians) {
        if (guardians == null) {
            return null;
        }
        return guardians.stream().map(g -> new GuardianContact(g.firstName(), g.lastName(), g.relationship(), g.phone(), g.email()))
                .toList();
    }

    private static List<CaseView.ReferralSummary> summaries(List<Referral> referrals) {
        return referrals.stream().map(r -> new CaseView.ReferralSummary(r.id, r.status, r.targetType, r.targetId, r.targetName,
                r.updatedAt)).toList();
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }
}
