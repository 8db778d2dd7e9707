package fr.passerelle.bench;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** What went wrong during a run, counted by kind, so a figure with errors says why (printed once at the end). */
public final class Errors {

    private static final Map<String, LongAdder> KINDS = new ConcurrentHashMap<>();

    private Errors() {
    }

    public static void note(String kind) {
        KINDS.computeIfAbsent(kind.length() > 160 ? kind.substring(0, 160) : kind, k -> new LongAdder()).increment();
    }

    /** Counted errors since the last call, as "kind ×n; …", and forgets them. */
    public static String drain() {
        StringBuilder out = new StringBuilder();
        KINDS.forEach((kind, n) -> out.append(out.isEmpty() ? "" : "; ").append(kind).append(" x").append(n.sum()));
        KINDS.clear();
        return out.toString();
    }
}
