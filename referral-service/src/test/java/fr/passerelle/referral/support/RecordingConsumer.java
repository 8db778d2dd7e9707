package fr.passerelle.referral.support;

import fr.passerelle.referral.domain.OutboxEvent;
import fr.passerelle.referral.service.OutboxConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An outbox consumer for tests: records what the relay hands over for the cases a test watches, and can be told to
 * fail (as a consumer whose database work breaks would), to check that nothing is lost.
 */
@ApplicationScoped
public class RecordingConsumer implements OutboxConsumer {

    /** What the consumer saw: event id, type and referral, in the order handed over. */
    public record Seen(UUID eventId, String type, UUID referralId, long seq) {
    }

    private final Set<UUID> watched = ConcurrentHashMap.newKeySet();
    private final List<Seen> seen = new ArrayList<>();
    private volatile boolean failing;
    private final java.util.concurrent.atomic.AtomicInteger refusals = new java.util.concurrent.atomic.AtomicInteger();

    public void watch(String caseId) {
        watched.add(UUID.fromString(caseId));
    }

    public void failing(boolean failing) {
        this.failing = failing;
        refusals.set(0);
    }

    /** How many times the relay offered a watched event while this consumer was failing. */
    public int refusals() {
        return refusals.get();
    }

    public synchronized List<Seen> seen(String caseId) {
        UUID id = UUID.fromString(caseId);
        return seen.stream().filter(s -> id.equals(caseOf.get(s.eventId()))).toList();
    }

    private final Map<UUID, UUID> caseOf = new ConcurrentHashMap<>();

    @Override
    public synchronized void dispatch(OutboxEvent event) {
        if (!watched.contains(event.caseId)) {
            return;
        }
        if (failing) {
            refusals.incrementAndGet();
            throw new IllegalStateException("consumer told to fail");
        }
        caseOf.put(event.id, event.caseId);
        seen.add(new Seen(event.id, event.type.wire(), event.referralId, event.seq));
    }
}
