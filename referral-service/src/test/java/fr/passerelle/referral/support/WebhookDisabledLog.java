package fr.passerelle.referral.support;

import fr.passerelle.referral.service.WebhookDisabled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the WebhookDisabled notices the application fires (committed ones only), as the e-mail side would see them. */
@ApplicationScoped
public class WebhookDisabledLog {

    private final List<WebhookDisabled> fired = new CopyOnWriteArrayList<>();

    void on(@Observes(during = TransactionPhase.AFTER_SUCCESS) WebhookDisabled notice) {
        fired.add(notice);
    }

    public List<WebhookDisabled> fired() {
        return List.copyOf(fired);
    }
}
