package fr.passerelle.referral.service;

import fr.passerelle.common.paging.PageRequest;
import fr.passerelle.common.paging.PageResponse;
import fr.passerelle.common.problem.ProblemException;
import fr.passerelle.common.problem.Violation;
import fr.passerelle.referral.api.AuditEntryView;
import fr.passerelle.referral.api.ReferralView;
import fr.passerelle.referral.api.SubjectAccessExport;
import fr.passerelle.referral.api.SubjectAccessRequest;
import fr.passerelle.referral.domain.AccessScope;
import fr.passerelle.referral.domain.AuditEvent;
import fr.passerelle.referral.domain.AuditOperation;
import fr.passerelle.referral.domain.PupilCase;
import fr.passerelle.referral.domain.Referral;
import fr.passerelle.referral.mapping.CaseMapper;
import fr.passerelle.referral.mapping.EventMapper;
import fr.passerelle.referral.mapping.ReferralMapper;
import fr.passerelle.referral.repository.AuditRepository;
import fr.passerelle.referral.repository.CaseEventRepository;
import fr.passerelle.referral.repository.CaseRepository;
import fr.passerelle.referral.repository.FollowUpRepository;
import fr.passerelle.referral.repository.PageResult;
import fr.passerelle.referral.repository.ReferralRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** The data-protection officer's tools: the access log, and the subject-access export. Both are audited. */
@ApplicationScoped
public class AuditService {

    @Inject
    AuditRepository auditLog;
    @Inject
    CaseRepository cases;
    @Inject
    ReferralRepository referrals;
    @Inject
    CaseEventRepository events;
    @Inject
    FollowUpRepository followUps;
    @Inject
    AccessPolicy policy;
    @Inject
    AuditTrail audit;
    @Inject
    Clock clock;

    @Transactional
    public PageResponse<AuditEntryView> search(UUID caseId, String subject, String operation, java.time.Instant from,
                                               java.time.Instant to, PageRequest page) {
        policy.requireAuditor();
        var filter = new AuditRepository.Filter(caseId, subject, operation, from, to);
        PageResult<AuditEvent> result = auditLog.search(filter, page.offset(), page.size());
        // Reading the log is itself logged: one row per case the page names, or one row when it names none.
        Set<UUID> touched = new LinkedHashSet<>();
        result.items().stream().map(e -> e.caseId).filter(Objects::nonNull).forEach(touched::add);
        if (touched.isEmpty()) {
            audit.noCase(AuditOperation.AUDIT_LOG_READ);
        } else {
            audit.cases(AuditOperation.AUDIT_LOG_READ, touched);
        }
        return new PageResponse<>(result.items().stream().map(EventMapper::audit).toList(), page.page(), page.size(),
                result.total());
    }

    @Transactional
    public SubjectAccessExport subjectAccess(SubjectAccessRequest req) {
        policy.requireAuditor();
        boolean byCase = req.caseId() != null;
        boolean byIne = req.ine() != null;
        boolean byIdentity = req.firstName() != null || req.lastName() != null || req.birthDate() != null;
        if ((byCase ? 1 : 0) + (byIne ? 1 : 0) + (byIdentity ? 1 : 0) != 1) {
            throw ProblemException.unprocessable("caseId",
                    "give exactly one of caseId, ine, or firstName + lastName + birthDate", "ONE_OF");
        }
        if (byIdentity && (req.firstName() == null || req.lastName() == null || req.birthDate() == null)) {
            List<Violation> missing = new ArrayList<>();
            if (req.firstName() == null) {
                missing.add(new Violation("firstName", "required with lastName and birthDate", "REQUIRED"));
            }
            if (req.lastName() == null) {
                missing.add(new Violation("lastName", "required with firstName and birthDate", "REQUIRED"));
            }
            if (req.birthDate() == null) {
                missing.add(new Violation("birthDate", "required with firstName and lastName", "REQUIRED"));
            }
            throw ProblemException.unprocessable(missing);
        }
        AccessScope all = AccessScope.everything("subject-access export (GDPR art. 15) by the data-protection officer");
        List<PupilCase> found = cases.findPerson(req.caseId(), req.ine(),
                byIdentity ? req.firstName().trim() : null, byIdentity ? req.lastName().trim() : null, req.birthDate(), all);
        List<SubjectAccessExport.CaseRecord> records = new ArrayList<>();
        for (PupilCase c : found) {
            List<Referral> rs = referrals.ofCase(c.id, all);
            List<ReferralView> referralViews = rs.stream().map(r -> ReferralMapper.view(r, Set.of(), clock.instant())).toList();
            records.add(new SubjectAccessExport.CaseRecord(
                    CaseMapper.full(c, rs),
                    referralViews,
                    events.allOfCase(c.id, all).stream().map(EventMapper::timeline).toList(),
                    followUps.allOfCase(c.id, all).stream().map(EventMapper::followUp).toList(),
                    auditLog.ofCase(c.id).stream().map(EventMapper::audit).toList()));
        }
        if (found.isEmpty()) {
            audit.noCase(AuditOperation.SUBJECT_ACCESS_EXPORT);
        } else {
            audit.cases(AuditOperation.SUBJECT_ACCESS_EXPORT, found.stream().map(c -> c.id).toList());
        }
        return new SubjectAccessExport(clock.instant(), req.reference(), records);
    }
}
