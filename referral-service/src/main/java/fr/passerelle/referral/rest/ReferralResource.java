package fr.passerelle.referral.rest;

import fr.passerelle.common.problem.ProblemException;
import fr.passerelle.common.paging.PageRequest;
import fr.passerelle.common.web.Answers;
import fr.passerelle.referral.api.ActionRequests;
import fr.passerelle.referral.api.AssignRequest;
import fr.passerelle.referral.api.AssigneeFilter;
import fr.passerelle.referral.api.FollowUpCreateRequest;
import fr.passerelle.referral.api.Pages;
import fr.passerelle.referral.api.ReferralCreateRequest;
import fr.passerelle.common.time.ClockProducer;
import fr.passerelle.referral.domain.ReferralStatus;
import fr.passerelle.referral.service.FollowUpService;
import fr.passerelle.referral.service.IdempotencyService;
import fr.passerelle.referral.service.ReferralService;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;

@Authenticated
public class ReferralResource implements ReferralsApi {

    @Inject
    ReferralService referrals;
    @Inject
    FollowUpService followUps;
    @Inject
    IdempotencyService idempotency;
    @Inject
    fr.passerelle.referral.service.CodeService codes;

    @Override
    public Response codes() {
        return Response.ok(codes.all()).build();
    }

    @Override
    public Response create(String idempotencyKey, ReferralCreateRequest body) {
        return stored(idempotency.execute(idempotencyKey, "referral", body, () -> {
            var created = referrals.create(body);
            return idempotency.answer(201, Answers.headers("/api/v1/referrals/" + created.body().id(), created.version()),
                    created.body(), created.body().caseId());
        }));
    }

    @Override
    public Response inbox(@QueryParam("status") ReferralStatus status, String updatedSince, String assignee,
            @QueryParam("overdue") Boolean overdue, @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return Response.ok(Pages.ReferralPage.of(referrals.inbox(status, instant("updatedSince", updatedSince),
                AssigneeFilter.parse(assignee), overdue, PageRequest.of(page, size)))).build();
    }

    @Override
    public Response assign(UUID id, String ifMatch, AssignRequest body) {
        return Answers.ok(referrals.assign(id, ifMatch, body));
    }

    @Override
    public Response get(UUID id) {
        var r = referrals.get(id);
        return Answers.ok(r);
    }

    @Override
    public Response submit(UUID id, String ifMatch) {
        return Answers.ok(referrals.submit(id, ifMatch));
    }

    @Override
    public Response receive(UUID id, String ifMatch) {
        return Answers.ok(referrals.receive(id, ifMatch));
    }

    @Override
    public Response accept(UUID id, String ifMatch, ActionRequests.Accept body) {
        return Answers.ok(referrals.accept(id, ifMatch, body));
    }

    @Override
    public Response waitlist(UUID id, String ifMatch, ActionRequests.Waitlist body) {
        return Answers.ok(referrals.waitlist(id, ifMatch, body));
    }

    @Override
    public Response decline(UUID id, String ifMatch, ActionRequests.Decline body) {
        return Answers.ok(referrals.decline(id, ifMatch, body));
    }

    @Override
    public Response start(UUID id, String ifMatch, ActionRequests.Start body) {
        return Answers.ok(referrals.start(id, ifMatch, body));
    }

    @Override
    public Response complete(UUID id, String ifMatch, ActionRequests.Complete body) {
        return Answers.ok(referrals.complete(id, ifMatch, body));
    }

    @Override
    public Response recordOutcomeFollowUp(UUID id, String ifMatch, ActionRequests.OutcomeFollowUp body) {
        return Answers.ok(referrals.recordOutcomeFollowUp(id, ifMatch, body));
    }

    @Override
    public Response cancel(UUID id, String ifMatch, ActionRequests.Cancel body) {
        return Answers.ok(referrals.cancel(id, ifMatch, body));
    }

    @Override
    public Response redirect(UUID id, String ifMatch, String idempotencyKey, ActionRequests.Redirect body) {
        return stored(idempotency.execute(idempotencyKey, "redirect:" + id, body, () -> {
            var redirected = referrals.redirect(id, ifMatch, body);
            return idempotency.answer(200, Answers.headers(null, redirected.version()), redirected.body(),
                    redirected.body().caseId());
        }));
    }

    @Override
    public Response followUps(UUID id, @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return Response.ok(Pages.FollowUpPage.of(followUps.list(id, PageRequest.of(page, size)))).build();
    }

    @Override
    public Response addFollowUp(UUID id, String idempotencyKey, FollowUpCreateRequest body) {
        return stored(idempotency.execute(idempotencyKey, "follow-up:" + id, body, () -> {
            var created = followUps.add(id, body);
            return idempotency.answer(201, Answers.headers(null, null), created.entry(), created.caseId());
        }));
    }

    /** An RFC 3339 date-time, or a date alone meaning its midnight in Paris (typed parameters take one form only). */
    private static Instant instant(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(raw.trim()).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(raw.trim()).atStartOfDay(ClockProducer.PARIS).toInstant();
            } catch (DateTimeParseException e2) {
                throw ProblemException.badParameter(name, "must be an ISO-8601 instant (2026-11-20T08:00:00Z) or date", "WRONG_TYPE");
            }
        }
    }

    private static Response stored(IdempotencyService.Result result) {
        return Answers.stored(result.response(), result.replayed());
    }
}
