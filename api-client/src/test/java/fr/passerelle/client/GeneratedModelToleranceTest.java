package fr.passerelle.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.client.model.LifecycleAction;
import fr.passerelle.client.model.ReferralStatus;
import fr.passerelle.client.model.ReferralView;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The contract announces that enums may grow and that members may be added: a client generated from it must keep
 * reading answers from a newer server. These pin the generator options that promise it (enumUnknownDefaultCase, and
 * the generated mapper ignoring unknown members), without a server.
 */
class GeneratedModelToleranceTest {

    private final ObjectMapper mapper = new ApiClient().getObjectMapper();

    @Test
    void aValueAddedToAnEnumLaterReadsAsTheUnknownCaseInsteadOfFailing() throws Exception {
        UUID id = UUID.randomUUID();
        ReferralView referral = mapper.readValue("""
                {"id":"%s","status":"ON_HOLD","allowedActions":["RECEIVE","TELEPORT"]}""".formatted(id), ReferralView.class);
        assertEquals(id, referral.getId());
        assertEquals(ReferralStatus.UNKNOWN_DEFAULT_OPEN_API, referral.getStatus(), "a status this client does not know");
        assertTrue(referral.getAllowedActions().contains(LifecycleAction.RECEIVE), "known actions are kept");
        assertTrue(referral.getAllowedActions().contains(LifecycleAction.UNKNOWN_DEFAULT_OPEN_API), "unknown ones are marked");
        assertEquals(ReferralStatus.SUBMITTED, mapper.readValue("{\"status\":\"SUBMITTED\"}", ReferralView.class).getStatus());
    }

    @Test
    void aMemberAddedLaterIsIgnored() throws Exception {
        ReferralView referral = mapper.readValue("""
                {"status":"SUBMITTED","somethingNew":{"nested":[1,2]}}""", ReferralView.class);
        assertEquals(ReferralStatus.SUBMITTED, referral.getStatus());
    }
}
