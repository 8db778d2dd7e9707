package fr.passerelle.referral.rest;

import fr.passerelle.referral.api.WebhookCreateRequest;
import fr.passerelle.referral.api.WebhookDeliveryView;
import fr.passerelle.referral.api.WebhookView;
import fr.passerelle.referral.api.Pages;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/webhooks")
@Tag(name = "Webhooks")
@Produces(MediaType.APPLICATION_JSON)
public interface WebhooksApi {

    String ID = "The subscription's id.";
    String WHO = " Partner staff and platform coordinators, for their own organisation or platform; another system needs the"
            + " webhooks:manage scope. Referents, auditors and directory editors: 403. Another attachment's subscription: 404.";
    String PROBLEM = "application/problem+json";

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createWebhook", summary = "Subscribe a receiver to events",
            description = "The subscription receives the chosen events about referrals (and cases) its owner may read, signed"
                    + " as the Standard Webhooks specification says: headers webhook-id (the event id), webhook-timestamp (unix"
                    + " seconds), webhook-signature (v1,<base64 HMAC-SHA256 of \"{webhook-id}.{webhook-timestamp}.{body}\" keyed"
                    + " with the base64-decoded part of the secret after whsec_>); body {\"type\",\"timestamp\",\"data\"} where data"
                    + " holds ids, statuses, codes and dates only. At least once, in order per referral, retried with"
                    + " exponential backoff (5 s, 30 s, 2 min, 10 min, 30 min, 1 h, 2 h, 4 h, 8 h, then every 8 h) for at least"
                    + " 24 h; then the subscription is disabled and its owner told by e-mail. The url must be https and resolve"
                    + " to public addresses only (checked again before every attempt). The secret is in this answer only." + WHO)
    @RequestBody(content = @Content(schema = @Schema(implementation = WebhookCreateRequest.class),
            examples = @ExampleObject(name = "subscribe", value = Examples.WEBHOOK_CREATE)))
    @APIResponse(responseCode = "201", description = "Created; the secret is shown now and never again.",
            headers = @Header(name = "Location", ref = "Location"),
            content = @Content(schema = @Schema(implementation = WebhookView.class),
                    examples = @ExampleObject(name = "created", value = Examples.WEBHOOK_CREATED)))
    @APIResponse(responseCode = "422", description = "A url that is not https, resolves to a private, loopback, link-local, shared"
            + " or reserved address, or does not resolve; an unknown event type (violations name url or events[i]).",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem"),
                    examples = @ExampleObject(name = "refused", value = Examples.WEBHOOK_REFUSED)))
    @APIResponse(responseCode = "409", description = "The organisation or platform already holds 20 subscriptions.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "503", description = "Webhooks are not configured on this server (no key to seal secrets).",
            headers = @Header(name = "Retry-After", ref = "RetryAfter"), content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
    Response create(@Valid @NotNull WebhookCreateRequest body);

    @GET
    @Operation(operationId = "listWebhooks", summary = "List the subscriptions of the caller's organisation or platform",
            description = "Newest first. The secret is never shown again." + WHO)
    @APIResponse(responseCode = "200", description = "A page of subscriptions.", content = @Content(
            schema = @Schema(implementation = Pages.WebhookPage.class), examples = @ExampleObject(name = "page", value = "{\"items\":[" + Examples.WEBHOOK_VIEW
                    + "],\"page\":0,\"size\":20,\"totalItems\":1}")))
    Response list(@Parameter(description = CasesApi.PAGE) @QueryParam("page") @Min(0) @Max(CasesApi.MAX_PAGE) Integer page,
                  @Parameter(description = CasesApi.SIZE) @QueryParam("size") @Min(1) @Max(100) Integer size);

    @GET
    @Path("/{id}")
    @Operation(operationId = "getWebhook", summary = "Read a subscription", description = "Without its secret." + WHO)
    @APIResponse(responseCode = "200", description = "The subscription.", content = @Content(
            schema = @Schema(implementation = WebhookView.class), examples = @ExampleObject(name = "subscription", value = Examples.WEBHOOK_VIEW)))
    Response get(@Parameter(description = ID) @PathParam("id") UUID id);

    @DELETE
    // A client that accepts only problem+json (what a generated client sends when the 204 has no body) is served too.
    @Produces({MediaType.APPLICATION_JSON, "application/problem+json"})
    @Path("/{id}")
    @Operation(operationId = "deleteWebhook", summary = "Delete a subscription",
            description = "Stops every delivery at once; its deliveries log goes with it." + WHO)
    @APIResponse(responseCode = "204", description = "Deleted.")
    Response delete(@Parameter(description = ID) @PathParam("id") UUID id);

    @GET
    @Path("/{id}/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "The subscription's deliveries log",
            description = "Newest first: each event queued for the subscription, its state, its next attempt, and every attempt"
                    + " made (time, status code or null, duration, outcome). Delivered rows are kept 30 days." + WHO)
    @APIResponse(responseCode = "200", description = "A page of deliveries.", content = @Content(
            schema = @Schema(implementation = Pages.WebhookDeliveryPage.class),
            examples = @ExampleObject(name = "log", value = Examples.WEBHOOK_DELIVERIES)))
    Response deliveries(@Parameter(description = ID) @PathParam("id") UUID id,
                        @Parameter(description = CasesApi.PAGE) @QueryParam("page") @Min(0) @Max(CasesApi.MAX_PAGE) Integer page,
                        @Parameter(description = CasesApi.SIZE) @QueryParam("size") @Min(1) @Max(100) Integer size);

    @POST
    @Path("/{id}/deliveries/{deliveryId}/retry")
    @Operation(operationId = "retryWebhookDelivery", summary = "Retry a pending delivery now",
            description = "Skips the backoff: the delivery is attempted within a second, once the earlier undelivered events of"
                    + " the same referral have gone (order per referral is kept). A delivered one answers 409 (receivers"
                    + " deduplicate on webhook-id); so does a delivery of a disabled subscription." + WHO)
    @APIResponse(responseCode = "202", description = "Queued now.", content = @Content(
            schema = @Schema(implementation = WebhookDeliveryView.class),
            examples = @ExampleObject(name = "queued", value = Examples.WEBHOOK_DELIVERY)))
    @APIResponse(responseCode = "409", description = "Already delivered, or the subscription is disabled.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem"),
                    examples = @ExampleObject(name = "delivered", value = Examples.WEBHOOK_DELIVERED_CONFLICT)))
    Response retry(@Parameter(description = ID) @PathParam("id") UUID id,
                   @Parameter(description = "The delivery's id (deliveries log).") @PathParam("deliveryId") UUID deliveryId);
}
