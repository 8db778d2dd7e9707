package fr.passerelle.referral.service;

import fr.passerelle.common.paging.CursorResponse;
import fr.passerelle.common.problem.ProblemException;
import fr.passerelle.referral.api.AssigneeFilter;
import fr.passerelle.referral.api.TriageItem;
import fr.passerelle.referral.domain.AuditOperation;
import fr.passerelle.referral.domain.AccessScope;
import fr.passerelle.referral.domain.Referral;
import fr.passerelle.referral.domain.ReferralStatus;
import fr.passerelle.referral.domain.Urgency;
import fr.passerelle.referral.mapping.ReferralMapper;
import fr.passerelle.referral.repository.ReferralRepository;
import fr.passerelle.referral.repository.ReferralRepository.TriageKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hibernate.FlushMode;
import org.hibernate.Session;

/** The coordinators' triage queue: most urgent first, then longest waiting, keyset-paginated. */
@ApplicationScoped
public class TriageService {

    @Inject
    ReferralRepository referrals;
    @Inject
    AccessPolicy policy;
    @Inject
    AuditTrail audit;
    @Inject
    Clock clock;
    @Inject
    Session session;

    @Transactional
    public CursorResponse<TriageItem> queue(ReferralStatus status, Urgency urgency, AssigneeFilter assignee, String cursor, int size) {
        // The page only reads entities (its audit rows go through their own statement): no change-tracking
        // snapshot of the referrals and cases it loads, no dirty check at commit.
        session.setDefaultReadOnly(true);
        session.setHibernateFlushMode(FlushMode.MANUAL);
        AccessScope scope = policy.triageScope();
        if (status != null && !ReferralStatus.TRIAGE.contains(status)) {
            throw ProblemException.badParameter("status", "the triage queue holds SUBMITTED, RECEIVED and WAITLISTED referrals",
                    "UNKNOWN_VALUE");
        }
        Set<ReferralStatus> statuses = status == null ? ReferralStatus.TRIAGE : EnumSet.of(status);
        TriageKey after = cursor == null ? null : decode(cursor);
        List<Referral> page = referrals.triagePage(scope, statuses, urgency, assignee, policy.subject(), after, size + 1);
        boolean more = page.size() > size;
        List<Referral> items = more ? page.subList(0, size) : page;
        audit.cases(AuditOperation.TRIAGE_LIST, new LinkedHashSet<>(items.stream().map(r -> r.caseId).toList()));
        Instant now = clock.instant();
        String next = more ? encode(items.get(items.size() - 1)) : null;
        return new CursorResponse<>(items.stream().map(r -> ReferralMapper.triage(r, now)).toList(), next);
    }

    static String encode(Referral last) {
        String raw = "v1|" + last.priority + "|" + last.submittedAt.getEpochSecond() + "|" + last.submittedAt.getNano() + "|" + last.id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static TriageKey decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
            if (parts.length != 5 || !"v1".equals(parts[0])) {
                throw new IllegalArgumentException("bad cursor");
            }
            return new TriageKey(Short.parseShort(parts[1]),
                    Instant.ofEpochSecond(Long.parseLong(parts[2]), Long.parseLong(parts[3])), UUID.fromString(parts[4]));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badParameter("cursor", "not a cursor this service issued", "INVALID_CURSOR");
        }
    }
}
