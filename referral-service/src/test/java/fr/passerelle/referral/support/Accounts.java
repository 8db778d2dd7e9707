package fr.passerelle.referral.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Keycloak's admin API for realm passerelle as the tests see it (on the DirectoryStub's WireMock): who holds an
 * account. By default nobody: a user search answers [] and an unknown user id 404, as Keycloak does.
 */
public final class Accounts {

    public static final String ADMIN = "/admin/realms/passerelle";

    private Accounts() {
    }

    static void registerBase(WireMock wm) {
        wm.register(get(urlPathEqualTo(ADMIN + "/users")).atPriority(10).willReturn(json("[]")));
        wm.register(get(urlPathMatching(ADMIN + "/users/.*")).atPriority(10).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":\"User not found\"}")));
    }

    /** An enabled partner account attached to the organisation (found by the q=organisation:<id> search). */
    public static void partnerAccount(WireMock wm, UUID organisation, String userId) {
        wm.register(get(urlPathEqualTo(ADMIN + "/users")).withQueryParam("q", equalTo("organisation:" + organisation))
                .willReturn(json("[" + user(userId, true, "organisation", organisation.toString()) + "]")));
        user(wm, userId, true, "organisation", organisation.toString(), "partner");
    }

    /** The organisation has no account (its search answers [], as for any organisation nobody registered). */
    public static void registerNoAccount(WireMock wm, UUID organisation) {
        wm.register(get(urlPathEqualTo(ADMIN + "/users")).withQueryParam("q", equalTo("organisation:" + organisation))
                .willReturn(json("[]")));
    }

    /** The organisation's user search fails (Keycloak down for this question). */
    public static void searchFails(WireMock wm, UUID organisation, int status) {
        wm.register(get(urlPathEqualTo(ADMIN + "/users")).withQueryParam("q", equalTo("organisation:" + organisation))
                .willReturn(aResponse().withStatus(status)));
    }

    /** A user readable by id, with one attachment attribute and these effective realm roles. */
    public static void user(WireMock wm, String userId, boolean enabled, String attribute, String value, String... roles) {
        wm.register(get(urlPathEqualTo(ADMIN + "/users/" + userId)).willReturn(json(user(userId, enabled, attribute, value))));
        wm.register(get(urlPathEqualTo(ADMIN + "/users/" + userId + "/role-mappings/realm/composite")).willReturn(json(
                Arrays.stream(roles).map(r -> "{\"id\":\"" + UUID.randomUUID() + "\",\"name\":\"" + r + "\",\"composite\":false}")
                        .collect(Collectors.joining(",", "[", "]")))));
    }

    /** Reading this user fails. */
    public static void userFails(WireMock wm, String userId, int status) {
        wm.register(get(urlPathEqualTo(ADMIN + "/users/" + userId)).willReturn(aResponse().withStatus(status)));
    }

    private static String user(String id, boolean enabled, String attribute, String value) {
        return "{\"id\":\"" + id + "\",\"username\":\"u-" + id + "\",\"enabled\":" + enabled + ",\"emailVerified\":true,"
                + "\"firstName\":\"Prénom\",\"lastName\":\"Nom\",\"createdTimestamp\":1764000000000,"
                + "\"attributes\":{\"" + attribute + "\":[\"" + value + "\"]},\"access\":{\"view\":true}}";
    }

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse().withHeader("Content-Type", "application/json").withBody(body);
    }
}
