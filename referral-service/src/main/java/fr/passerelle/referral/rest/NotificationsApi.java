package fr.passerelle.referral.rest;

import fr.passerelle.referral.api.NotificationPreferencesRequest;
import fr.passerelle.referral.api.NotificationPreferencesView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/me/notifications")
@Tag(name = "Notifications")
@Produces(MediaType.APPLICATION_JSON)
public interface NotificationsApi {

    String WHO = " Referents, coordinators and partner staff (people only: a client-credentials system gets 403; auditors and"
            + " directory editors too).";

    @GET
    @Operation(operationId = "getNotificationPreferences", summary = "My e-mail notification preferences",
            description = "What you are told by e-mail and how: IMMEDIATE (one message per event), DAILY_DIGEST (one message a"
                    + " day listing the events), OFF. You are told only of referrals your role and attachment let you read."
                    + " Someone who never saved preferences receives nothing (the directory's functional mailboxes are told)."
                    + " Messages carry no personal data: what happened, the urgency, a reference and a link." + WHO)
    @APIResponse(responseCode = "200", description = "Your preferences (the defaults when never saved).",
            content = @Content(schema = @Schema(implementation = NotificationPreferencesView.class),
                    examples = @ExampleObject(name = "partner", value = Examples.NOTIFICATIONS_VIEW)))
    Response get();

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "putNotificationPreferences", summary = "Save my e-mail notification preferences",
            description = "Replaces your preferences. Messages go to your account's address (the token's `email` claim), saved"
                    + " with your role and attachment now: save again after a change of attachment. An unknown event type or"
                    + " mode is 400; choosing anything but OFF without a verified address on your account is 422 (NO_EMAIL);"
                    + " sending an `email` other than your account's is 422 (EMAIL_FROM_ACCOUNT)." + WHO)
    @RequestBody(content = @Content(schema = @Schema(implementation = NotificationPreferencesRequest.class),
            examples = {@ExampleObject(name = "newReferralsAtOnce", value = Examples.NOTIFICATIONS_PUT),
                    @ExampleObject(name = "digestOnly", value = Examples.NOTIFICATIONS_PUT_DIGEST)}))
    @APIResponse(responseCode = "200", description = "The saved preferences.",
            content = @Content(schema = @Schema(implementation = NotificationPreferencesView.class),
                    examples = @ExampleObject(name = "saved", value = Examples.NOTIFICATIONS_VIEW)))
    Response put(@Valid @NotNull NotificationPreferencesRequest body);
}
