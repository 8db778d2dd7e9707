package fr.passerelle.referral.rest;

import fr.passerelle.common.paging.PageRequest;
import fr.passerelle.common.web.QueryParams;
import fr.passerelle.referral.api.AssigneeFilter;
import fr.passerelle.referral.domain.ReferralStatus;
import fr.passerelle.referral.domain.Urgency;
import fr.passerelle.referral.service.TriageService;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

@Authenticated
public class TriageResource implements TriageApi {

    @Inject
    TriageService triage;

    @Override
    public Response queue(String status, String urgency, String assignee, String cursor, String size) {
        Integer n = QueryParams.integer("size", size, 1, PageRequest.MAX_SIZE);
        return Response.ok(triage.queue(QueryParams.enumValue("status", status, ReferralStatus.class),
                QueryParams.enumValue("urgency", urgency, Urgency.class), AssigneeFilter.parse(assignee),
                QueryParams.text("cursor", cursor, 200),
                n == null ? PageRequest.DEFAULT_SIZE : n)).build();
    }
}
