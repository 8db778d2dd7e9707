package fr.passerelle.web.client;

import fr.passerelle.client.ApiClient;
import fr.passerelle.client.api.AuditApi;
import fr.passerelle.client.api.CasesApi;
import fr.passerelle.client.api.FollowUpApi;
import fr.passerelle.client.api.NotificationsApi;
import fr.passerelle.client.api.OrganisationsApi;
import fr.passerelle.client.api.PlatformsApi;
import fr.passerelle.client.api.ProgrammesApi;
import fr.passerelle.client.api.ReferralsApi;
import fr.passerelle.client.api.StatisticsApi;
import fr.passerelle.client.api.TerritoriesApi;
import fr.passerelle.client.api.TriageApi;
import fr.passerelle.web.config.WebConfig;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/**
 * The public API as the signed-in user: the typed client generated from the committed contract, pointed at the
 * gateway, every call carrying the user's own access token (kept on the server) and a request id. The gateway and
 * the services apply their rules, limits and audit to these calls exactly as to any other client's.
 */
@RequestScoped
public class Api {

    private final ApiClient client;

    @Inject
    public Api(WebConfig config, SecurityIdentity identity, HttpClients clients) {
        AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
        String token = credential == null ? null : credential.getToken();
        this.client = new ApiClient();
        client.setHttpClientBuilder(clients.shared());
        client.updateBaseUri(config.apiUrl().toString().replaceAll("/+$", ""));
        client.setReadTimeout(config.apiTimeout());
        client.setRequestInterceptor(request -> {
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            request.header("X-Request-Id", UUID.randomUUID().toString());
        });
    }

    public CasesApi cases() { return new CasesApi(client); }
    public ReferralsApi referrals() { return new ReferralsApi(client); }
    public FollowUpApi followUps() { return new FollowUpApi(client); }
    public TriageApi triage() { return new TriageApi(client); }
    public StatisticsApi statistics() { return new StatisticsApi(client); }
    public ProgrammesApi programmes() { return new ProgrammesApi(client); }
    public OrganisationsApi organisations() { return new OrganisationsApi(client); }
    public PlatformsApi platforms() { return new PlatformsApi(client); }
    public TerritoriesApi territories() { return new TerritoriesApi(client); }
    public AuditApi audit() { return new AuditApi(client); }
    public NotificationsApi notifications() { return new NotificationsApi(client); }

    /** The underlying client, for operations without a typed shortcut above (e.g. another content type). */
    public ApiClient client() { return client; }
}
