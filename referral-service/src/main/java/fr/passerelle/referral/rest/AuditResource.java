package fr.passerelle.referral.rest;

import fr.passerelle.common.paging.PageRequest;
import fr.passerelle.common.web.QueryParams;
import fr.passerelle.referral.api.Pages;
import fr.passerelle.referral.api.SubjectAccessRequest;
import fr.passerelle.common.time.ClockProducer;
import fr.passerelle.referral.domain.AuditOperation;
import java.util.UUID;
import fr.passerelle.referral.service.AuditService;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;

@Authenticated
public class AuditResource implements AuditApi {

    @Inject
    AuditService audit;

    @Override
    public Response search(@QueryParam("caseId") UUID caseId, String subject, @QueryParam("operation") AuditOperation operation,
            @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to, @QueryParam("page") Integer page,
            @QueryParam("size") Integer size) {
        // An unknown operation is a mistake to report (400 from the typed parameter), not a filter that matches nothing.
        return Response.ok(Pages.AuditPage.of(audit.search(caseId, QueryParams.text("subject", subject, 255),
                operation == null ? null : operation.name(),
                from == null ? null : from.atStartOfDay(ClockProducer.PARIS).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(ClockProducer.PARIS).toInstant(),
                PageRequest.of(page, size)))).build();
    }

    @Override
    public Response subjectAccess(SubjectAccessRequest body) {
        return Response.ok(audit.subjectAccess(body)).build();
    }
}
