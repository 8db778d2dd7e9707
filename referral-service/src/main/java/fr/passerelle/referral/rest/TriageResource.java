package fr.passerelle.referral.rest;

import fr.passerelle.common.paging.PageRequest;
import fr.passerelle.common.web.QueryParams;
import fr.passerelle.referral.api.AssigneeFilter;
import fr.passerelle.referral.api.Pages;
import fr.passerelle.referral.domain.ReferralStatus;
import fr.passerelle.referral.domain.Urgency;
import fr.passerelle.referral.service.TriageService;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

@Authenticated
public class TriageResource implements TriageApi {

    @Inject
    TriageService triage;

    @Override
    public Response queue(@QueryParam("status") ReferralStatus status, @QueryParam("urgency") Urgency urgency, String assignee,
            String cursor, @QueryParam("size") Integer size) {
        return Response.ok(Pages.TriagePage.of(triage.queue(status, urgency, AssigneeFilter.parse(assignee),
                QueryParams.text("cursor", cursor, 200), size == null ? PageRequest.DEFAULT_SIZE : size))).build();
    }
}
