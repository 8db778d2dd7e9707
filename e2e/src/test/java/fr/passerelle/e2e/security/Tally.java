package fr.passerelle.e2e.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/** What one category of the security suite tried, what held and what failed (with the exchange, tokens masked). */
final class Tally {

    private static final Pattern JWT_LIKE = Pattern.compile("eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_.-]*");
    private static final Map<String, Tally> ALL = new LinkedHashMap<>();

    final String category;
    private final AtomicInteger tried = new AtomicInteger();
    private final List<String> failures = new ArrayList<>();
    /** Failures counted by cause: where (gateway or a service) and what did not hold. */
    private final Map<String, Integer> causes = new java.util.TreeMap<>();

    private Tally(String category) {
        this.category = category;
    }

    static synchronized Tally of(String category) {
        return ALL.computeIfAbsent(category, Tally::new);
    }

    /** Counts one check; each problem found makes it a failure, described with the request and the answer. */
    void record(String what, RawHttp.Request request, RawHttp.Answer answer, List<String> problems) {
        tried.incrementAndGet();
        if (!problems.isEmpty()) {
            String where = request.base().equals(Exchange.GATEWAY) ? "gateway" : request.base().equals(Exchange.DIRECTORY)
                    ? "directory-service" : request.base().equals(Exchange.REFERRAL) ? "referral-service" : request.base();
            synchronized (this) {
                for (String problem : problems) {
                    causes.merge(where + ": " + problem.replaceAll("in \\d+ ms", "in N ms"), 1, Integer::sum);
                }
            }
            fail(what + ": " + String.join("; ", problems) + "\n      request: " + request.describe()
                    + "\n      answer:  " + withoutTokens(answer.describe()));
        }
    }

    synchronized void fail(String description) {
        failures.add(withoutTokens(description));
    }

    int tried() {
        return tried.get();
    }

    synchronized List<String> failures() {
        return List.copyOf(failures);
    }

    String summary() {
        int failed = failures().size();
        return "security: " + category + ": tried " + tried() + ", held " + (tried() - failed) + ", failed " + failed;
    }

    static synchronized String total() {
        int tried = ALL.values().stream().mapToInt(Tally::tried).sum();
        int failed = ALL.values().stream().mapToInt(t -> t.failures().size()).sum();
        return "security: total: tried " + tried + ", held " + (tried - failed) + ", failed " + failed;
    }

    /** Prints the summary and the failures; returns the message for the assertion (null when nothing failed). */
    String report() {
        System.out.println(summary());
        List<String> failed = failures();
        if (failed.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder(summary()).append("\n  by cause (a failure may have several):\n");
        synchronized (this) {
            causes.forEach((cause, n) -> sb.append(String.format("  %5d  %s%n", n, cause)));
        }
        sb.append("  each failure:\n");
        failed.forEach(f -> sb.append("  - ").append(f).append('\n'));
        System.out.println(sb);
        return sb.toString();
    }

    /** Masks anything shaped like a JWT, so that no report line carries a credential. */
    static String withoutTokens(String text) {
        return JWT_LIKE.matcher(text).replaceAll("<jwt>");
    }
}
