package fr.passerelle.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Entry point of bench/run's Java part:
 * <pre>
 *   suite  [--smoke] --results F --referral-jdbc URL --directory-jdbc URL [--pg-user U --pg-password P]
 *          [--gateway URL --directory URL --referral URL --nginx URL --issuer URL] [--only overhead,directory,triage,creation]
 *          [--gateway-management URL --directory-management URL --referral-management URL]
 *          [--reference URL --reference-pid P --pids name=pid,… --clk-tck 100 --wrk PATH]
 *          [--soak-minutes N (--soak-rate R | --full-results latest-full.tsv)]   (the soak instead of the suite)
 *   startup --results F --name N --jar J --port P --management-port P --env-file F [--java-opts "…"] [--java BIN] [--runs 3]
 *          (the ready time's median in milliseconds goes in the p50 column, so that the table can make ratios)
 *   rss    --results F --name N --pid P                  (RSS of a running part, after the load)
 *   record --results F --group G --name N --value V     (a figure measured by the script: pgbench)
 *   probe  --results F --url URL --rate R [--seconds S --warmup S --user U --body JSON]   (one endpoint, ad hoc)
 *   creations --results F --referral-jdbc URL --rate R [--seconds S --url URL --user U --spare N]   (referral creations, ad hoc:
 *          each for a spare case of its own, to read the processes' CPU per creation around it)
 *   table  --results F [--markdown F] [--soak F]        (the ratios, then the table with derived figures and goals)
 * </pre>
 * Exit 1 from {@code suite} when any figure had errors, so the smoke run in CI fails loudly.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: suite | record | table (see bench/README.md)");
            System.exit(2);
        }
        Map<String, String> opts = options(Arrays.copyOfRange(args, 1, args.length));
        Path results = Path.of(required(opts, "results"));
        switch (args[0]) {
            case "suite" -> {
                Suite.Options o = new Suite.Options();
                if (opts.containsKey("smoke")) {
                    o.smoke();
                }
                o.results = results;
                o.referralJdbc = required(opts, "referral-jdbc");
                o.directoryJdbc = required(opts, "directory-jdbc");
                o.pgUser = opts.getOrDefault("pg-user", o.pgUser);
                o.pgPassword = opts.getOrDefault("pg-password", o.pgPassword);
                o.gateway = URI.create(opts.getOrDefault("gateway", o.gateway.toString()));
                o.directory = URI.create(opts.getOrDefault("directory", o.directory.toString()));
                o.referral = URI.create(opts.getOrDefault("referral", o.referral.toString()));
                o.gatewayManagement = URI.create(opts.getOrDefault("gateway-management", o.gatewayManagement.toString()));
                o.directoryManagement = URI.create(opts.getOrDefault("directory-management", o.directoryManagement.toString()));
                o.referralManagement = URI.create(opts.getOrDefault("referral-management", o.referralManagement.toString()));
                o.issuer = opts.getOrDefault("issuer", o.issuer);
                if (opts.containsKey("creation-rates")) {
                    o.creationRates = java.util.Arrays.stream(opts.get("creation-rates").split(",")).mapToDouble(Double::parseDouble).toArray();
                }
                if (opts.containsKey("only")) {
                    o.only = java.util.Set.of(opts.get("only").split(","));
                }
                if (opts.containsKey("nginx")) {
                    o.nginx = URI.create(opts.get("nginx"));
                }
                if (opts.containsKey("reference")) {
                    o.reference = URI.create(opts.get("reference"));
                }
                o.wrk = opts.get("wrk");
                o.pids.putAll(pids(opts.getOrDefault("pids", "")));
                if (opts.containsKey("reference-pid")) {
                    o.pids.put("reference-app", Long.parseLong(opts.get("reference-pid")));
                }
                o.clockTicks = Long.parseLong(opts.getOrDefault("clk-tck", "100"));
                if (opts.containsKey("soak-minutes")) {
                    o.soakMinutes = Integer.parseInt(opts.get("soak-minutes"));
                    o.soakRate = soakRate(opts);
                }
                new Suite(o).run();
                long errors = Table.read(results).stream().mapToLong(Result::errors).sum();
                if (errors > 0) {
                    System.err.println("errors during the run: " + errors + " (see the errs column and the notes)");
                    System.exit(1);
                }
            }
            case "startup" -> {
                String name = required(opts, "name");
                int runs = Integer.parseInt(opts.getOrDefault("runs", "3"));
                Map<String, String> env = new HashMap<>();
                for (String line : Files.readAllLines(Path.of(required(opts, "env-file")))) {
                    int eq = line.indexOf('=');
                    if (eq > 0) {
                        env.put(line.substring(0, eq), line.substring(eq + 1));
                    }
                }
                List<String> javaOpts = Arrays.stream(opts.getOrDefault("java-opts", "").split(" ")).filter(s -> !s.isBlank()).toList();
                String javaBin = opts.getOrDefault("java", Startup.defaultJava());
                double[] ready = new double[runs];
                double[] quarkus = new double[runs];
                double[] rss = new double[runs];
                double[] anon = new double[runs];
                double[] cpu = new double[runs];
                for (int i = 0; i < runs; i++) {
                    Startup.Measure m = Startup.once(javaBin, Path.of(required(opts, "jar")), Integer.parseInt(required(opts, "port")),
                            Integer.parseInt(required(opts, "management-port")), env, javaOpts, results.resolveSibling("startup-" + name + "-" + i + ".log"));
                    ready[i] = m.readyMillis();
                    quarkus[i] = m.quarkusSeconds();
                    rss[i] = m.rssKb() / 1024.0;
                    anon[i] = m.anonKb() / 1024.0;
                    cpu[i] = m.cpuSeconds();
                }
                double median = Startup.median(ready);
                double min = Arrays.stream(ready).min().orElse(Double.NaN);
                double max = Arrays.stream(ready).max().orElse(Double.NaN);
                String note = String.format(java.util.Locale.ROOT,
                        "%.2f s launch to ready (median of %d, spread %.2f–%.2f s; CPU to ready %.2f s; Quarkus 'started in' %.2f s;"
                                + " idle RSS %.0f MB, spread %.0f–%.0f, of which anonymous %.0f MB)",
                        median / 1000, runs, min / 1000, max / 1000, Startup.median(cpu), Startup.median(quarkus), Startup.median(rss),
                        Arrays.stream(rss).min().orElse(Double.NaN), Arrays.stream(rss).max().orElse(Double.NaN), Startup.median(anon));
                // A start-up is not a load: only p50 (the median, in ms) is set, the other latency columns stay empty.
                append(results, new Result("startup", "ready " + name, 0, 0, median, Double.NaN, Double.NaN, Double.NaN, runs, 0, note));
            }
            case "rss" -> append(results, Result.figure("memory", "RSS " + required(opts, "name") + " after the run",
                    String.format(java.util.Locale.ROOT, "%.0f MB", Startup.rssKb(Long.parseLong(required(opts, "pid"))) / 1024.0)));
            case "probe" -> {
                URI url = URI.create(required(opts, "url"));
                String token = new Tokens(opts.getOrDefault("issuer", "http://localhost:8180/realms/passerelle"))
                        .fresh(opts.getOrDefault("user", "referent1"));
                io.vertx.core.MultiMap h = Suite.headers(token).add("Content-Type", "application/json");
                String body = opts.get("body");
                String uri = url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
                double rate = Double.parseDouble(required(opts, "rate"));
                double seconds = Double.parseDouble(opts.getOrDefault("seconds", "10"));
                Latencies l;
                try (OpenLoad gen = new OpenLoad(url.getHost(), url.getPort(), Integer.parseInt(opts.getOrDefault("connections", "32")))) {
                    l = gen.run(rate, java.time.Duration.ofMillis((long) (1000 * Double.parseDouble(opts.getOrDefault("warmup", "5")))),
                            java.time.Duration.ofMillis((long) (1000 * seconds)), i -> new OpenLoad.Request(
                                    body == null ? io.vertx.core.http.HttpMethod.GET : io.vertx.core.http.HttpMethod.POST, uri, h,
                                    body == null ? null : io.vertx.core.buffer.Buffer.buffer(body)), st -> st < 400);
                }
                append(results, Result.of("probe", url.toString(), rate, seconds, l, Errors.drain()));
            }
            case "creations" -> {
                URI url = URI.create(opts.getOrDefault("url", "http://127.0.0.1:8080"));
                double rate = Double.parseDouble(required(opts, "rate"));
                double seconds = Double.parseDouble(opts.getOrDefault("seconds", "10"));
                List<java.util.UUID> cases = Suite.spareCases(required(opts, "referral-jdbc"), opts.getOrDefault("pg-user", "postgres"),
                        opts.getOrDefault("pg-password", ""),
                        Math.max((long) (rate * seconds) + 10, Long.parseLong(opts.getOrDefault("spare", "0"))));
                String token = new Tokens(opts.getOrDefault("issuer", "http://localhost:8180/realms/passerelle"))
                        .fresh(opts.getOrDefault("user", "referent1"));
                Latencies l;
                try (OpenLoad gen = new OpenLoad(url.getHost(), url.getPort(), Integer.parseInt(opts.getOrDefault("connections", "32")))) {
                    l = gen.run(rate, java.time.Duration.ZERO, java.time.Duration.ofMillis((long) (1000 * seconds)),
                            Suite.creations(cases, new java.util.concurrent.atomic.AtomicInteger(), token), st -> st == 201);
                }
                append(results, Result.of("probe", "create referral, " + url, rate, seconds, l, Errors.drain()));
            }
            case "record" -> {
                append(results, Result.figure(required(opts, "group"), required(opts, "name"), required(opts, "value")));
            }
            case "table" -> {
                List<Result> rows = new ArrayList<>(Table.read(results));
                rows.addAll(Table.derived(rows));
                List<Result> soak = opts.containsKey("soak") && Files.exists(Path.of(opts.get("soak"))) ? Table.read(Path.of(opts.get("soak")))
                        : List.of();
                StringBuilder text = new StringBuilder();
                StringBuilder md = new StringBuilder();
                // A soak's own table has no ratios of its own to lead with.
                if (rows.stream().anyMatch(r -> !r.group().equals("soak") && !r.group().equals("data"))) {
                    Table.printRatios(Table.ratios(rows, soak), text, md);
                }
                Table.print(rows, text, md);
                System.out.print(text);
                if (opts.containsKey("markdown")) {
                    Files.writeString(Path.of(opts.get("markdown")), md);
                }
            }
            default -> {
                System.err.println("unknown command " + args[0]);
                System.exit(2);
            }
        }
    }

    /** "gateway=123,referral-service=456": the stack's processes by name. */
    static Map<String, Long> pids(String spec) {
        Map<String, Long> m = new java.util.LinkedHashMap<>();
        for (String part : spec.split(",")) {
            int eq = part.indexOf('=');
            if (eq > 0 && !part.substring(eq + 1).isBlank()) {
                m.put(part.substring(0, eq).trim(), Long.parseLong(part.substring(eq + 1).trim()));
            }
        }
        return m;
    }

    /** --soak-rate, else half the best sustained creation rate of the last full run (--full-results). */
    private static double soakRate(Map<String, String> opts) throws java.io.IOException {
        if (opts.containsKey("soak-rate")) {
            return Double.parseDouble(opts.get("soak-rate"));
        }
        Path full = Path.of(required(opts, "full-results"));
        Double best = Files.exists(full) ? Table.bestSustained(Table.read(full)) : null;
        if (best == null) {
            throw new IllegalArgumentException("no best sustained creation rate in " + full + ": run the full bench first, or give --soak-rate");
        }
        return best / 2;
    }

    private static void append(Path results, Result r) throws java.io.IOException {
        Files.writeString(results, r.tsv() + "\n", java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        System.out.println(Table.line(r));
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
            String key = args[i].substring(2);
            if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                m.put(key, args[++i]);
            } else {
                m.put(key, "true");
            }
        }
        return m;
    }

    private static String required(Map<String, String> opts, String key) {
        String v = opts.get(key);
        if (v == null) {
            throw new IllegalArgumentException("--" + key + " is required");
        }
        return v;
    }
}
