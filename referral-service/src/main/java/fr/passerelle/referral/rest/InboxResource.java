package fr.passerelle.referral.rest;

import fr.passerelle.referral.api.AssigneeFilter;
import fr.passerelle.referral.service.InboxService;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

@Authenticated
public class InboxResource implements InboxApi {

    @Inject
    InboxService inbox;

    @Override
    public Response summary(String assignee) {
        return Response.ok(inbox.summary(AssigneeFilter.parse(assignee))).build();
    }
}
