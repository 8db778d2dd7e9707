package fr.passerelle.referral.rest;

import fr.passerelle.referral.domain.DeadlinePolicy;
import fr.passerelle.referral.domain.LifecycleAction;
import fr.passerelle.referral.domain.Outcome;
import fr.passerelle.referral.domain.ReferralStateMachine;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;

/** Prints the lifecycle table from {@link ReferralStateMachine} into the OpenAPI document, so the doc cannot drift from the code. */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class LifecycleOpenApiFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        String positive = Arrays.stream(Outcome.values()).filter(Outcome::positiveExit).map(Enum::name)
                .collect(Collectors.joining(", "));
        String text = """
                Cases, referrals and their lifecycle, follow-up log, outcomes, triage queue, statistics, audit trail.

                **Access.** Every caller presents an OIDC bearer token; access is decided from its claims only
                (role and one attachment: `uai`, `platform` or `organisation`). An object the caller may not see
                answers 404; one it may see but not act on answers 403; an action not allowed from the current state 409.
                Every read of one object carries an `ETag`; every action and PATCH requires `If-Match`
                (428 without it, 412 when stale). Creating POSTs accept an `Idempotency-Key` (24 h).

                **Referral lifecycle** (the service decides every action from this table):

                """ + ReferralStateMachine.markdownTable() + """

                Each action is one operation (`POST /referrals/{id}/<action>`): %s.
                """.formatted(actionOperations(openAPI)) + """

                Actors: ORIGIN = the referent of the origin school or a coordinator of the origin platform;
                PLATFORM_COORDINATOR = a coordinator of the target platform; PROGRAMME_PARTNER = partner staff of the
                organisation running the target programme; COMMISSION = a coordinator of the triage platform when the
                programme admits by CTO or departmental commission (`commissionDate` required);
                COMMISSION_ACTING_FOR_PARTNER = that coordinator while the programme's organisation has no partner
                account in the identity provider (asked of Keycloak; when it cannot answer, start and complete by the
                coordinator answer 503 with Retry-After and are not listed in allowedActions).

                **Ownership.** The party responsible for a referral at its current stage is whoever can move it forward
                now (the table above, cancel aside); a member of that party may assign it to a named colleague
                (`POST /referrals/{id}/assign`), and lists filter `assignee=me` or `assignee=none`.

                **Outcomes**: positive exits are %s.
                """.formatted(positive) + """

                **Deadlines** (`dueAt` and `overdue` on referrals, the inbox and triage; `GET /referrals?overdue=true`).
                Defaults below; a platform may set its own delays. Days are French dates (Europe/Paris), the day of entry
                not counted; working days exclude weekends and the national public holidays. A referral is due at
                23:59:59 Paris time on its last day and overdue from the next midnight, when `referral.overdue` is
                announced once for that stage and due date (to the target, escalated to the triage platform's coordinator).

                """ + DeadlinePolicy.markdownTable(DeadlinePolicy.Rules.DEFAULT);
        openAPI.getInfo().setDescription(text);
    }

    /** Action → operationId, read from the document itself (a missing endpoint fails the build). */
    static String actionOperations(OpenAPI openAPI) {
        return Arrays.stream(LifecycleAction.values()).filter(a -> a.path() != null).map(a -> {
            PathItem item = openAPI.getPaths() == null ? null : openAPI.getPaths().getPathItem("/api/v1/referrals/{id}/" + a.path());
            if (item == null || item.getPOST() == null || item.getPOST().getOperationId() == null) {
                throw new IllegalStateException("No operation documents the lifecycle action " + a);
            }
            return a.name() + " `" + item.getPOST().getOperationId() + "`";
        }).collect(Collectors.joining(", "));
    }
}
