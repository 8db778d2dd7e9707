package fr.passerelle.referral.support;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/** What the test SMTP server ({@link MailSink}) received, and switching it off and on. */
public final class Sink {

    public record Message(String from, String to, String subject, String body, String headers) {

        /** Everything a reader or a relay sees. */
        public String all() {
            return subject + "\n" + headers + "\n" + body;
        }
    }

    private final Function<String, Object> control;

    public Sink(Function<String, Object> control) {
        this.control = control;
    }

    @SuppressWarnings("unchecked")
    public List<Message> messages() {
        return ((List<Map<String, String>>) control.apply("messages")).stream()
                .map(m -> new Message(m.get("from"), m.get("to"), m.get("subject"), m.get("body"), m.get("headers"))).toList();
    }

    public List<Message> to(String address) {
        return messages().stream().filter(m -> m.to().contains(address)).toList();
    }

    /** Waits (up to 2 min: the worker sends the whole test database's queue, in order) for a message matching. */
    public Message await(Predicate<Message> wanted) {
        return Await.until(() -> messages().stream().filter(wanted).findFirst().orElse(null), Duration.ofSeconds(120),
                () -> "no such message; received: " + messages().stream().map(m -> m.to() + " | " + m.subject()).toList()
                        + "; queue: " + TestDb.strings("select concat_ws(' ', id, status, recipient_kind, recipient, attempts,"
                        + " last_error, next_attempt_at) from mail_outbox order by id desc limit 15"));
    }

    public void stop() {
        control.apply("stop");
    }

    public void start() {
        control.apply("start");
    }
}
