package fr.passerelle.referral.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.function.Supplier;

/** Polls for asynchronous results (relay, mail worker) with a generous cap: speed never decides a test. */
public final class Await {

    private Await() {
    }

    /** The first non-null, non-false value of {@code probe} within {@code cap}. */
    public static <T> T until(Supplier<T> probe, Duration cap, Supplier<String> whyNot) {
        long deadline = System.nanoTime() + cap.toNanos();
        while (true) {
            T value = probe.get();
            if (value != null && !Boolean.FALSE.equals(value)) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                fail("gave up after " + cap.toSeconds() + " s: " + whyNot.get());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }
}
