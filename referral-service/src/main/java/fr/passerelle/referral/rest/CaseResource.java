package fr.passerelle.referral.rest;

import fr.passerelle.common.web.Answers;
import fr.passerelle.referral.api.Pages;
import fr.passerelle.common.paging.PageRequest;
import fr.passerelle.referral.api.CaseCloseRequest;
import fr.passerelle.referral.api.CaseCreateRequest;
import fr.passerelle.referral.api.CaseMergeRequest;
import fr.passerelle.referral.api.CasePatchRequest;
import fr.passerelle.referral.api.ConsentWithdrawalRequest;
import fr.passerelle.referral.domain.CaseStatus;
import fr.passerelle.referral.service.CaseService;
import fr.passerelle.referral.service.IdempotencyService;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.UUID;

@Authenticated
public class CaseResource implements CasesApi {

    @Inject
    CaseService cases;
    @Inject
    IdempotencyService idempotency;

    @Override
    public Response create(String idempotencyKey, CaseCreateRequest body) {
        return stored(idempotency.execute(idempotencyKey, "case", body, () -> {
            var created = cases.create(body);
            return idempotency.answer(201, Answers.headers("/api/v1/cases/" + created.body().id(), created.version()),
                    created.body(), created.body().id());
        }));
    }

    @Override
    public Response list(@QueryParam("status") CaseStatus status, @QueryParam("q") String q,
            @QueryParam("birthDate") LocalDate birthDate, @QueryParam("assignee") String assignee, @QueryParam("page") Integer page,
            @QueryParam("size") Integer size) {
        return Response.ok(Pages.CasePage.of(cases.list(status, q, birthDate, assignee, PageRequest.of(page, size)))).build();
    }

    @Override
    public Response merge(UUID id, String ifMatch, CaseMergeRequest body) {
        var merged = cases.merge(id, ifMatch, body);
        return Answers.ok(merged);
    }

    @Override
    public Response get(UUID id) {
        var found = cases.get(id);
        return Answers.ok(found);
    }

    @Override
    public Response patch(UUID id, String ifMatch, CasePatchRequest body) {
        var patched = cases.patch(id, ifMatch, body);
        return Answers.ok(patched);
    }

    @Override
    public Response timeline(UUID id, @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return Response.ok(Pages.TimelinePage.of(cases.timeline(id, PageRequest.of(page, size)))).build();
    }

    @Override
    public Response close(UUID id, String ifMatch, CaseCloseRequest body) {
        var closed = cases.close(id, ifMatch, body);
        return Answers.ok(closed);
    }

    @Override
    public Response withdrawConsent(UUID id, String ifMatch, ConsentWithdrawalRequest body) {
        var closed = cases.withdrawConsent(id, ifMatch, body);
        return Answers.ok(closed);
    }

    private static Response stored(IdempotencyService.Result result) {
        return Answers.stored(result.response(), result.replayed());
    }
}
