package fr.passerelle.referral.rest;

import fr.passerelle.common.paging.PageRequest;
import fr.passerelle.referral.api.Pages;
import fr.passerelle.referral.api.WebhookCreateRequest;
import fr.passerelle.referral.service.WebhookService;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

@Authenticated
public class WebhookResource implements WebhooksApi {

    @Inject
    WebhookService webhooks;

    @Override
    public Response create(WebhookCreateRequest body) {
        var created = webhooks.create(body);
        return Response.status(Response.Status.CREATED).header("Location", "/api/v1/webhooks/" + created.id()).entity(created).build();
    }

    @Override
    public Response list(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return Response.ok(Pages.WebhookPage.of(webhooks.list(PageRequest.of(page, size)))).build();
    }

    @Override
    public Response get(UUID id) {
        return Response.ok(webhooks.get(id)).build();
    }

    @Override
    public Response delete(UUID id) {
        webhooks.delete(id);
        return Response.noContent().build();
    }

    @Override
    public Response deliveries(UUID id, @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return Response.ok(Pages.WebhookDeliveryPage.of(webhooks.deliveries(id, PageRequest.of(page, size)))).build();
    }

    @Override
    public Response retry(UUID id, UUID deliveryId) {
        return Response.accepted(webhooks.retry(id, deliveryId)).build();
    }
}
