package fr.passerelle.referral.rest;

import fr.passerelle.common.web.QueryParams;
import fr.passerelle.referral.api.SubjectAccessRequest;
import fr.passerelle.referral.config.ClockProducer;
import fr.passerelle.referral.domain.AuditOperation;
import java.util.UUID;
import fr.passerelle.referral.service.AuditService;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;

@Authenticated
public class AuditResource implements AuditApi {

    @Inject
    AuditService audit;

    @Override
    public Response search(String caseId, String subject, String operation, String from, String to, String page, String size) {
        LocalDate f = QueryParams.date("from", from);
        LocalDate t = QueryParams.date("to", to);
        UUID c = QueryParams.uuid("caseId", caseId);
        // An unknown operation is a mistake to report, not a filter that matches nothing.
        AuditOperation op = QueryParams.enumValue("operation", operation, AuditOperation.class);
        return Response.ok(audit.search(c, QueryParams.text("subject", subject, 255), op == null ? null : op.name(),
                f == null ? null : f.atStartOfDay(ClockProducer.PARIS).toInstant(),
                t == null ? null : t.plusDays(1).atStartOfDay(ClockProducer.PARIS).toInstant(),
                Responses.page(page, size))).build();
    }

    @Override
    public Response subjectAccess(SubjectAccessRequest body) {
        return Response.ok(audit.subjectAccess(body)).build();
    }
}
