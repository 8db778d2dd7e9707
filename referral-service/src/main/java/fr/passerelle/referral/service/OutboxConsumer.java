package fr.passerelle.referral.service;

import fr.passerelle.referral.domain.OutboxEvent;

/**
 * Something that acts on announced events (webhook fan-out, e-mail). The relay calls every consumer with each event,
 * in seq order, inside the relay's transaction: a consumer only queues its own work in the database here (no network
 * call), so that the hand-over and the event's "dispatched" mark commit together. A consumer that throws rolls the
 * batch back; it is offered again on the next pass.
 */
public interface OutboxConsumer {

    void dispatch(OutboxEvent event);
}
