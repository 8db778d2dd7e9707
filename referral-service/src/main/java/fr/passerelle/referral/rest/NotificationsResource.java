package fr.passerelle.referral.rest;

import fr.passerelle.referral.api.NotificationPreferencesRequest;
import fr.passerelle.referral.service.NotificationPreferences;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

@Authenticated
public class NotificationsResource implements NotificationsApi {

    @Inject
    NotificationPreferences preferences;

    @Override
    public Response get() {
        return Response.ok(preferences.get()).build();
    }

    @Override
    public Response put(NotificationPreferencesRequest body) {
        return Response.ok(preferences.put(body)).build();
    }
}
