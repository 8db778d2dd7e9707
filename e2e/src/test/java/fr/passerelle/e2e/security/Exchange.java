package fr.passerelle.e2e.security;

import com.fasterxml.jackson.databind.JsonNode;
import fr.passerelle.e2e.support.Jwts;
import fr.passerelle.e2e.support.Keycloak;
import fr.passerelle.e2e.support.Stack;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Sends the suite's requests and applies the checks every answer must pass.
 * <p>
 * Through the gateway, requests are paced per caller below the limits the suite starts the stack with
 * (per subject 10/s, burst 40; per IP 200/s, burst 400): a client-side bucket of 8/s with a burst of 30 per
 * caller and 100/s overall. A 429 that still comes back (a reused stack with other limits) is waited out
 * as its Retry-After says and the request sent again: the limit is RateLimitIT's subject, not this suite's.
 */
final class Exchange {

    static final String GATEWAY = Stack.GATEWAY;
    static final String DIRECTORY = Stack.DIRECTORY_DIRECT;
    static final String REFERRAL = Stack.REFERRAL_DIRECT;
    static final long SLOW_MS = 2_000;

    /** What an error body must never show: class names, exceptions, stack frames, SQL, framework names. */
    private static final List<Pattern> INTERNALS = List.of(
            Pattern.compile("\\b(?:java|javax|jakarta|sun|io\\.quarkus|io\\.vertx|io\\.netty|io\\.smallrye|org\\.hibernate"
                    + "|org\\.jboss|org\\.postgresql|org\\.eclipse|com\\.fasterxml|fr\\.passerelle)\\.[a-z][\\w.$]*"),
            Pattern.compile("[A-Za-z]*Exception\\b"),
            Pattern.compile("\\bat [\\w$]+(?:\\.[\\w$<>]+)+\\([^)]*(?:\\.java:\\d+|Native Method|Unknown Source)\\)"),
            Pattern.compile("SQLState|SQL state|\\bSQL\\b|\\bPSQL|(?i:\\bselect\\b[^\"]{0,80}\\bfrom\\b|\\binsert into\\b|\\bupdate \\w+ set\\b)"),
            Pattern.compile("(?i)hibernate|jackson|vert\\.?x|netty|resteasy|quarkus|postgres|jdbc|smallrye"));

    private static final Map<String, Bucket> BUCKETS = new ConcurrentHashMap<>();
    private static final Bucket GATEWAY_IP = new Bucket(100, 100);

    private Exchange() {
    }

    /**
     * A demo caller's access token, fetched one at a time: concurrent password grants for one user make
     * Keycloak's brute-force detection disable the account for a while (user_temporarily_disabled).
     */
    static synchronized String token(String who) {
        return Keycloak.token(who);
    }

    /** Sends the request; through the gateway, paced for this caller (null: anonymous) and retried after a 429. */
    static RawHttp.Answer send(String caller, RawHttp.Request request) {
        if (!request.base().equals(GATEWAY)) {
            return RawHttp.send(request);
        }
        for (int attempt = 0; ; attempt++) {
            GATEWAY_IP.take();
            if (caller != null) {
                BUCKETS.computeIfAbsent(caller, c -> new Bucket(8, 30)).take();
            }
            RawHttp.Answer answer = RawHttp.send(request);
            if (answer.status() != 429 || attempt == 3) {
                return answer;
            }
            String retryAfter = answer.header("Retry-After");
            sleep(1000L * (retryAfter == null ? 1 : Math.min(10, Long.parseLong(retryAfter.trim()))));
        }
    }

    /**
     * Problems every answer must be free of: no answer, 5xx, an error that is not problem+json with a
     * requestId, slower than 2 s (a hygiene threshold, not a performance goal), internals in the body.
     */
    static List<String> hygiene(RawHttp.Answer answer, boolean lookForInternals) {
        List<String> problems = new ArrayList<>();
        if (answer.status() < 0) {
            problems.add("no HTTP answer");
            return problems;
        }
        if (answer.status() >= 500) {
            problems.add("server error " + answer.status());
        }
        if (answer.status() >= 400) {
            problems.addAll(problemJson(answer));
        }
        if (answer.millis() > SLOW_MS) {
            problems.add("answered in " + answer.millis() + " ms (> " + SLOW_MS + ")");
        }
        if (lookForInternals) {
            problems.addAll(internals(answer));
        }
        return problems;
    }

    /** An error answer must be application/problem+json with a requestId (and its status). */
    static List<String> problemJson(RawHttp.Answer answer) {
        List<String> problems = new ArrayList<>();
        if (!answer.contentType().startsWith("application/problem+json")) {
            problems.add("error not application/problem+json (" + (answer.contentType().isEmpty() ? "no Content-Type" : answer.contentType()) + ")");
            return problems;
        }
        try {
            JsonNode body = Jwts.JSON.readTree(answer.body());
            if (body.path("requestId").asText("").isBlank()) {
                problems.add("problem without requestId");
            }
            if (body.path("status").asInt() != answer.status()) {
                problems.add("problem status " + body.path("status") + " differs from HTTP " + answer.status());
            }
        } catch (Exception e) {
            problems.add("problem+json body is not JSON");
        }
        return problems;
    }

    static List<String> internals(RawHttp.Answer answer) {
        String text = answer.text();
        List<String> problems = new ArrayList<>();
        for (Pattern p : INTERNALS) {
            var m = p.matcher(text);
            if (m.find()) {
                problems.add("internal detail in the body: «" + RawHttp.cut(m.group(), 60) + "»");
            }
        }
        return problems;
    }

    /** Runs the tasks on a pool of the given size and waits (bounded) for all of them. */
    static void parallel(List<Runnable> tasks, int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            tasks.forEach(t -> futures.add(pool.submit(t)));
            for (Future<?> f : futures) {
                f.get(10, TimeUnit.MINUTES);
            }
        } catch (Exception e) {
            throw new IllegalStateException("a security check could not run", e);
        } finally {
            pool.shutdownNow();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A token bucket on the client side: rate per second, burst. */
    private static final class Bucket {
        private final double rate;
        private final double burst;
        private double tokens;
        private long last = System.nanoTime();

        Bucket(double rate, double burst) {
            this.rate = rate;
            this.burst = burst;
            this.tokens = burst;
        }

        void take() {
            long wait;
            synchronized (this) {
                long now = System.nanoTime();
                tokens = Math.min(burst, tokens + (now - last) / 1e9 * rate);
                last = now;
                tokens -= 1;
                wait = tokens >= 0 ? 0 : (long) (-tokens / rate * 1000);
            }
            if (wait > 0) {
                sleep(wait);
            }
        }
    }
}
