package fr.passerelle.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntPredicate;
import java.util.function.LongFunction;

/**
 * The HTTP figures, in an order that lets one stack serve them all: the directory and gateway at the seeded
 * size, the triage queue at 100k then 1M referrals, the directory at 50k programmes, and last the referral
 * creation ramp (it adds referrals). Each figure is appended to the results file as soon as it is measured.
 */
final class Suite {

    static final String FIL_D_ARIANE = "505253b6-75da-4eaf-b941-3fca072d1ad5";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MATCH_BODY = "{\"age\":17,\"schoolLevel\":\"NONE\",\"schoolingStatus\":\"LEFT_SCHOOL\",\"communeCode\":\"69266\"}";

    private final Options o;
    private final Tokens tokens;
    private final PrintStream out = System.out;
    private final HttpClient http = HttpClient.newHttpClient();

    Suite(Options o) {
        this.o = o;
        this.tokens = new Tokens(o.issuer);
    }

    void run() throws Exception {
        if (o.soakMinutes > 0) {
            soak();
            return;
        }
        // ---- data at the small size
        timedLoad("data", "referrals loaded to " + o.smallReferrals, () -> loadReferrals(o.smallReferrals));
        // ---- gateway overhead: the same GET directly, through the gateway, through nginx
        if (o.wants("overhead")) {
            overhead();
            if (o.wrk != null) {
                closedLoop();
            }
        }
        // ---- directory at the seeded size
        if (o.wants("directory")) {
            directory("seeded");
        }
        // ---- triage queue at the small, then the large size
        if (o.wants("triage")) {
            triage(o.smallReferrals);
        }
        timedLoad("data", "referrals loaded to " + o.largeReferrals, () -> loadReferrals(o.largeReferrals));
        if (o.wants("triage")) {
            triage(o.largeReferrals);
        }
        // ---- directory with the synthetic programmes
        timedLoad("data", "synthetic programmes loaded to " + o.programmes, () -> {
            try (Connection c = DriverManager.getConnection(o.directoryJdbc, o.pgUser, o.pgPassword)) {
                return new ProgrammeData().topUp(c, o.programmes);
            }
        });
        if (o.wants("directory")) {
            directory(o.programmes + " synthetic");
        }
        // ---- referral creation through the gateway, rising rates until p99 passes the goal
        if (o.wants("creation")) {
            creationRamp();
        }
    }

    /** One path of the overhead rounds: where, what, and which processes do the work. */
    private record Route(String label, URI base, String uri) {
    }

    private void overhead() {
        // The code lists: the service validates the token and answers from memory, so what differs between the
        // lines is the hop in front of it (a database read would add its own noise to all of them). The bare
        // Quarkus app answers a list of the same size with no token check: the per-request floor of the framework.
        String programmePath = "/api/v1/programmes/codes";
        String referent = tokens.fresh("referent1");
        List<Route> paths = new ArrayList<>();
        paths.add(new Route("GET codes: directory-service direct", o.directory, programmePath));
        paths.add(new Route("GET codes: through the gateway", o.gateway, programmePath));
        if (o.nginx != null) {
            paths.add(new Route("GET codes: through nginx", o.nginx, programmePath));
        }
        if (o.reference != null) {
            paths.add(new Route("GET codes: bare Quarkus app", o.reference, "/api/v1/codes"));
        }
        // A JIT-cold JVM cannot take 2,000/s: ramp every path up at a quarter, then half the rate before measuring.
        for (Route p : paths) {
            try (OpenLoad gen = new OpenLoad(p.base().getHost(), p.base().getPort(), o.connections)) {
                gen.run(o.overheadRate / 4, Duration.ZERO, o.warmup, get(p.uri(), referent), ok());
                gen.run(o.overheadRate / 2, Duration.ZERO, o.warmup, get(p.uri(), referent), ok());
            }
        }
        Errors.drain();
        // Interleaved rounds (direct, gateway, nginx, bare app, direct, …), one measured window per path and round:
        // a slow spell of the shared machine then falls on every path alike, and each path's figure is the median
        // of its rounds. The processes' CPU is read around each measured window.
        List<List<Result>> rounds = new ArrayList<>();
        List<Map<String, Long>> cpu = new ArrayList<>();
        long[] done = new long[paths.size()];
        paths.forEach(p -> {
            rounds.add(new ArrayList<>());
            cpu.add(new LinkedHashMap<>());
        });
        Duration round = o.duration.dividedBy(o.reps);
        Duration roundWarmup = o.warmup.compareTo(Duration.ofSeconds(2)) < 0 ? o.warmup : Duration.ofSeconds(2);
        for (int r = 0; r < o.reps; r++) {
            for (int i = 0; i < paths.size(); i++) {
                Route p = paths.get(i);
                try (OpenLoad gen = new OpenLoad(p.base().getHost(), p.base().getPort(), o.connections)) {
                    gen.run(o.overheadRate, roundWarmup, Duration.ZERO, get(p.uri(), referent), ok());
                    Map<String, Long> before = o.cpu().snapshot();
                    Latencies l = gen.run(o.overheadRate, Duration.ZERO, round, get(p.uri(), referent), ok());
                    addTicks(cpu.get(i), before, o.cpu().snapshot());
                    done[i] += l.count() - l.errors();
                    rounds.get(i).add(Result.of("overhead", p.label(), o.overheadRate, round.toMillis() / 1000.0, l, ""));
                }
            }
        }
        String errors = Errors.drain();
        List<Result> medians = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            medians.add(Stats.combine(rounds.get(i), i == 0 ? errors : ""));
        }
        Result direct = medians.get(0);
        Result viaGateway = medians.get(1);
        emit(direct);
        emit(viaGateway);
        emit(added("overhead", "gateway added latency", viaGateway, direct));
        if (o.nginx != null) {
            Result viaNginx = medians.get(2);
            emit(viaNginx);
            emit(added("overhead", "nginx added latency", viaNginx, direct));
            double gw = viaGateway.p50() - direct.p50();
            double ng = viaNginx.p50() - direct.p50();
            emit(Result.figure("overhead", "gateway / nginx added latency (p50; p99)", String.format(Locale.ROOT, "%s; %s",
                    ratio(gw, ng), ratio(viaGateway.p99() - direct.p99(), viaNginx.p99() - direct.p99()))));
        }
        if (o.reference != null) {
            emit(medians.get(paths.size() - 1));
        }
        if (!o.cpu().isEmpty()) {
            for (int i = 0; i < paths.size(); i++) {
                emit(Result.figure("cpu", "CPU per request, " + paths.get(i).label(),
                        ProcCpu.describe(busy(o.cpu().perRequest(Map.of(), cpu.get(i), done[i])))));
            }
        }
    }

    /**
     * Closed-loop throughput of the same GET: {@code wrk} keeps 32 connections busy for the whole window, as fast as
     * the path answers, on each path in turn (interleaved rounds, median of the rounds). What a saturated proxy can pass.
     */
    private void closedLoop() throws Exception {
        String token = tokens.fresh("referent1");
        List<Route> paths = new ArrayList<>();
        paths.add(new Route("directory-service direct", o.directory, "/api/v1/programmes/codes"));
        paths.add(new Route("through the gateway", o.gateway, "/api/v1/programmes/codes"));
        if (o.nginx != null) {
            paths.add(new Route("through nginx", o.nginx, "/api/v1/programmes/codes"));
        }
        List<double[]> rps = new ArrayList<>();
        long[] requests = new long[paths.size()];
        long[] errors = new long[paths.size()];
        paths.forEach(p -> rps.add(new double[o.reps]));
        for (int r = 0; r < o.reps; r++) {
            for (int i = 0; i < paths.size(); i++) {
                Wrk.Run run = Wrk.run(o.wrk, paths.get(i).base().resolve(paths.get(i).uri()), token, o.closedConnections,
                        o.closedSeconds, o.results.resolveSibling("wrk-" + i + "-" + r + ".log"));
                rps.get(i)[r] = run.requestsPerSecond();
                requests[i] += run.requests();
                errors[i] += run.errors();
            }
        }
        List<Double> medians = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            double m = Stats.median(rps.get(i));
            medians.add(m);
            emit(new Result("throughput", "closed loop, " + o.closedConnections + " connections: " + paths.get(i).label(), 0, m,
                    Double.NaN, Double.NaN, Double.NaN, Double.NaN, requests[i], errors[i], String.format(Locale.ROOT,
                    "%.0f requests/s (wrk, %d s, median of %d, spread %s)", m, o.closedSeconds, o.reps, Stats.spread(rps.get(i)))));
        }
        if (o.nginx != null) {
            emit(Result.figure("throughput", "closed loop: gateway / nginx", String.format(Locale.ROOT, "%.0f%% (%.0f / %.0f requests/s)",
                    100 * medians.get(1) / medians.get(2), medians.get(1), medians.get(2))));
        }
        emit(Result.figure("throughput", "closed loop: gateway / direct", String.format(Locale.ROOT, "%.0f%% (%.0f / %.0f requests/s)",
                100 * medians.get(1) / medians.get(0), medians.get(1), medians.get(0))));
    }

    /** Adds the ticks between two snapshots to a running sum. */
    private static void addTicks(Map<String, Long> sum, Map<String, Long> before, Map<String, Long> after) {
        after.forEach((k, v) -> sum.merge(k, v - before.getOrDefault(k, 0L), Long::sum));
    }

    /** The processes that did measurable work (PostgreSQL idles through a GET from memory), and the total. */
    private static Map<String, Double> busy(Map<String, Double> perRequest) {
        Map<String, Double> m = new LinkedHashMap<>();
        perRequest.forEach((k, v) -> {
            if (k.equals("total") || v >= 0.005) {
                m.put(k, v);
            }
        });
        return m;
    }

    private void directory(String size) {
        String token = tokens.fresh("referent1");
        load("directory", "match (17, left school, Villeurbanne), " + size, o.directory, o.directoryRate,
                post("/api/v1/programmes/match", token, MATCH_BODY), ok());
        // As the directory's users search: words and the young person's département.
        load("directory", "search q=remobilisation, departement=69, " + size, o.directory, o.directoryRate,
                get("/api/v1/programmes?q=remobilisation&departement=69", token), ok());
        load("directory", "search q=ecole deuxieme chance, " + size, o.directory, o.directoryRate,
                get("/api/v1/programmes?q=" + URLEncoder.encode("ecole deuxieme chance", StandardCharsets.UTF_8), token), ok());
    }

    private void triage(long referrals) throws Exception {
        String token = tokens.fresh("coordinator1");
        String deep = deepCursor(token, o.deepItem);
        String size = referrals >= 1_000_000 ? (referrals / 1_000_000) + "M" : referrals >= 1000 ? (referrals / 1000) + "k" : Long.toString(referrals);
        String deepPath = "/api/v1/triage?cursor=" + URLEncoder.encode(deep, StandardCharsets.UTF_8);
        load("triage", "first page, service, " + size, o.referral, o.triageRate, get("/api/v1/triage", token), ok());
        load("triage", "deep page (item " + o.deepItem + "), service, " + size, o.referral, o.triageRate, get(deepPath, token), ok());
        load("triage", "first page, gateway, " + size, o.gateway, o.triageRate, get("/api/v1/triage", token), ok());
        load("triage", "deep page (item " + o.deepItem + "), gateway, " + size, o.gateway, o.triageRate, get(deepPath, token), ok());
    }

    /** The cursor after the first {@code depth} items of coordinator1's queue, walked 100 at a time. */
    private String deepCursor(String token, int depth) throws Exception {
        String cursor = null;
        int seen = 0;
        while (seen < depth) {
            int size = Math.min(100, depth - seen);
            String uri = o.referral + "/api/v1/triage?size=" + size
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(uri)).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("triage page: HTTP " + r.statusCode());
            }
            JsonNode page = JSON.readTree(r.body());
            seen += page.path("items").size();
            cursor = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
            if (cursor == null) {
                throw new IllegalStateException("coordinator1's queue has only " + seen + " items, fewer than " + depth);
            }
        }
        return cursor;
    }

    private void creationRamp() throws Exception {
        long needed = (long) (o.creationRates[0] / 2 * o.creationPrewarm.toSeconds()) + 10;
        for (double rate : o.creationRates) {
            needed += (long) (rate * (o.creationWarmup.toSeconds() + o.creationDuration.toSeconds())) + 10L * (o.reps + 1);
        }
        List<UUID> cases = spareCases(needed);
        // Each creation takes the next spare case, across phases and repetitions.
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        // The creation path (validation, directory lookups, idempotency, audit, timeline) warms up at a low rate first.
        if (o.creationPrewarm.toMillis() > 0) {
            String token = tokens.fresh("referent1");
            try (OpenLoad gen = new OpenLoad(o.gateway.getHost(), o.gateway.getPort(), o.connections)) {
                gen.run(o.creationRates[0] / 2, Duration.ZERO, o.creationPrewarm, creations(cases, next, token), s -> s == 201);
            }
            Errors.drain();
        }
        // partner1's organisation subscribes to referral.submitted: every creation below is one event to deliver.
        try (EventReceiver receiver = new EventReceiver()) {
            String subscription = subscribe(receiver.url());
            try {
                for (double rate : o.creationRates) {
                    String token = tokens.fresh("referent1");
                    java.time.Instant phaseStart = java.time.Instant.now();
                    int receivedBefore = receiver.received();
                    String label = String.format(Locale.ROOT, "%.0f/s", rate);
                    Result r = load("creation", "create referral, gateway, " + label, o.gateway, rate,
                            creations(cases, next, token), s -> s == 201, "CPU per creation, " + label);
                    deliveries(receiver, rate, phaseStart, receivedBefore, r);
                    if (r.p99() > 25 || r.errors() > r.requests() / 100) {
                        break;
                    }
                }
            } finally {
                unsubscribe(subscription);
            }
        }
    }

    /** At least {@code needed} of referent1's spare cases (no referral yet), made if missing. */
    private List<UUID> spareCases(long needed) throws Exception {
        return spareCases(o.referralJdbc, o.pgUser, o.pgPassword, needed);
    }

    /**
     * Commit → receiver for the referral.submitted events of one creation phase (warm-up included: each is an event
     * to deliver all the same), once the deliveries stop coming (at most 60 s after the phase).
     */
    private void deliveries(EventReceiver receiver, double rate, java.time.Instant phaseStart, int receivedBefore, Result phase)
            throws InterruptedException {
        java.time.Instant phaseEnd = java.time.Instant.now();
        long expected = (long) (rate * (o.creationWarmup.toSeconds() + o.creationDuration.toSeconds()));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int last = -1;
        int still = 0;
        while (System.nanoTime() < deadline && still < 10) {
            Thread.sleep(200);
            int now = receiver.received();
            still = now == last ? still + 1 : 0;
            last = now;
            if (now - receivedBefore >= expected - phase.errors()) {
                break;
            }
        }
        Latencies l = receiver.between(phaseStart, phaseEnd);
        double seconds = Duration.between(phaseStart, phaseEnd).toMillis() / 1000.0;
        emit(Result.of("events", String.format(Locale.ROOT, "outbox delivery, commit → webhook receiver, %.0f/s", rate), rate,
                seconds, l, String.format(Locale.ROOT, "%d of about %d created referrals delivered", l.count(), expected)));
    }

    /** A webhook subscription of partner1's organisation to referral.submitted, towards the bench's receiver. */
    private String subscribe(String url) throws Exception {
        String token = tokens.fresh("partner1");
        String body = JSON.writeValueAsString(java.util.Map.of("url", url, "events", List.of("referral.submitted"),
                "description", "bench: outbox delivery latency"));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(o.gateway.resolve("/api/v1/webhooks"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("webhook subscription: HTTP " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body()).path("id").asText();
    }

    private void unsubscribe(String id) throws Exception {
        http.send(HttpRequest.newBuilder(o.gateway.resolve("/api/v1/webhooks/" + id))
                .header("Authorization", "Bearer " + tokens.fresh("partner1")).DELETE().build(), HttpResponse.BodyHandlers.discarding());
    }

    /** At least {@code needed} open cases of referent1's school with no referral yet, made when missing. */
    static List<UUID> spareCases(String jdbc, String user, String password, long needed) throws Exception {
        List<UUID> cases = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(jdbc, user, password)) {
            new ReferralData(1, List.of(), List.of()).spareCases(c, needed);
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select id from pupil_case p where created_by = '"
                    + ReferralData.SPARE_BY + "' and not exists (select 1 from referral r where r.case_id = p.id) order by id")) {
                while (rs.next()) {
                    cases.add(rs.getObject(1, UUID.class));
                }
            }
        }
        return cases;
    }

    /** Referral creations, each for the next spare case (a case has one open referral per target). */
    static LongFunction<OpenLoad.Request> creations(List<UUID> cases, java.util.concurrent.atomic.AtomicInteger next, String token) {
        return creations(cases, next, () -> token);
    }

    static LongFunction<OpenLoad.Request> creations(List<UUID> cases, java.util.concurrent.atomic.AtomicInteger next,
                                                     java.util.function.Supplier<String> token) {
        return i -> {
            String body = "{\"caseId\":\"" + cases.get(next.getAndIncrement()) + "\",\"targetType\":\"PROGRAMME\",\"targetId\":\""
                    + FIL_D_ARIANE + "\",\"reason\":\"ABSENTEEISM\",\"urgency\":\"NORMAL\",\"submit\":true,"
                    + "\"eligibilityOverrideReason\":\"banc d'essai\"}";
            return new OpenLoad.Request(HttpMethod.POST, "/api/v1/referrals", headers(token.get()).add("Content-Type", "application/json")
                    .add("Idempotency-Key", UUID.randomUUID().toString()), Buffer.buffer(body));
        };
    }

    /**
     * The soak: for {@code o.soakMinutes}, creations (referent1, spare cases) and reads (coordinator1's triage first
     * page, one referral of it) through the gateway at {@code o.soakRate} requests/s in all, open model: half
     * creations, a quarter of each read. Measured minute by minute after a warm-up; the figures compare the first
     * five minutes with the last five (p99 drift), and each service's RSS at the end of minute five with the end.
     */
    void soak() throws Exception {
        timedLoad("data", "referrals loaded to " + o.smallReferrals, () -> loadReferrals(o.smallReferrals));
        int minutes = o.soakMinutes;
        double rate = o.soakRate;
        Duration warmup = minutes >= 5 ? Duration.ofSeconds(60) : Duration.ofSeconds(10);
        List<UUID> cases = spareCases((long) (rate / 2 * (warmup.toSeconds() + 60L * minutes)) + 1_000);
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        // Tokens live 5 minutes: fresh ones every minute, off the generator's thread.
        java.util.concurrent.atomic.AtomicReference<String> referent = new java.util.concurrent.atomic.AtomicReference<>(tokens.fresh("referent1"));
        java.util.concurrent.atomic.AtomicReference<String> coordinator = new java.util.concurrent.atomic.AtomicReference<>(tokens.fresh("coordinator1"));
        java.util.concurrent.ScheduledExecutorService refresh = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "token-refresh");
            t.setDaemon(true);
            return t;
        });
        refresh.scheduleAtFixedRate(() -> {
            try {
                referent.set(tokens.fresh("referent1"));
                coordinator.set(tokens.fresh("coordinator1"));
            } catch (RuntimeException e) {
                Errors.note("token refresh: " + e.getMessage());
            }
        }, 60, 60, java.util.concurrent.TimeUnit.SECONDS);
        String referral = firstTriageItem(coordinator.get());
        LongFunction<OpenLoad.Request> create = creations(cases, next, referent::get);
        LongFunction<OpenLoad.Request> mix = i -> switch ((int) (i % 4)) {
            case 0, 2 -> create.apply(i);
            case 1 -> new OpenLoad.Request(HttpMethod.GET, "/api/v1/triage", headers(coordinator.get()), null);
            default -> new OpenLoad.Request(HttpMethod.GET, "/api/v1/referrals/" + referral, headers(coordinator.get()), null);
        };
        IntPredicate expected = st -> st == 200 || st == 201;
        List<Latencies> perMinute = new ArrayList<>();
        int window = Math.min(5, minutes);
        Map<String, Long> rssAtWindow = new LinkedHashMap<>();
        Map<String, Long> rssAtEnd = new LinkedHashMap<>();
        try (OpenLoad gen = new OpenLoad(o.gateway.getHost(), o.gateway.getPort(), o.connections)) {
            gen.run(rate, warmup, Duration.ZERO, mix, expected);
            Errors.drain();
            for (int m = 1; m <= minutes; m++) {
                Latencies l = gen.run(rate, Duration.ZERO, Duration.ofMinutes(1), mix, expected);
                perMinute.add(l);
                out.printf(Locale.ROOT, "soak minute %d/%d: p99 %.1f ms, %d errors%n", m, minutes, l.percentile(99) / 1000.0, l.errors());
                if (m == window) {
                    rss(rssAtWindow);
                }
            }
            rss(rssAtEnd);
        } finally {
            refresh.shutdownNow();
        }
        String errorNotes = Errors.drain();
        Latencies first = new Latencies();
        Latencies last = new Latencies();
        long requests = 0;
        long errors = 0;
        for (int m = 0; m < minutes; m++) {
            Latencies l = perMinute.get(m);
            requests += l.count();
            errors += l.errors();
            if (m < window) {
                first.addAll(l);
            }
            if (m >= minutes - window) {
                last.addAll(l);
            }
        }
        String mixName = String.format(Locale.ROOT, "mix at %.0f/s (half creations, triage, GET referral), gateway", rate);
        Result a = Result.of("soak", mixName + ", first " + window + " min", rate, window * 60.0, first, "");
        Result b = Result.of("soak", mixName + ", last " + window + " min", rate, window * 60.0, last, "");
        emit(a);
        emit(b);
        emit(Result.figure("soak", "errors over " + minutes + " min", String.format(Locale.ROOT, "%d of %d requests%s", errors, requests,
                errorNotes.isEmpty() ? "" : " (" + errorNotes + ")")));
        emit(Result.figure("soak", "p99 drift, last " + window + " min / first " + window + " min", String.format(Locale.ROOT,
                "%+.1f %% (%.1f ms, then %.1f ms)", 100 * (b.p99() / a.p99() - 1), a.p99(), b.p99())));
        for (Map.Entry<String, Long> e : rssAtEnd.entrySet()) {
            Long at = rssAtWindow.get(e.getKey());
            if (at != null && at > 0) {
                emit(Result.figure("soak", "RSS growth " + e.getKey() + ", end / minute " + window, String.format(Locale.ROOT,
                        "%+.1f %% (%.0f MB, then %.0f MB)", 100.0 * (e.getValue() - at) / at, at / 1024.0, e.getValue() / 1024.0)));
            }
        }
    }

    /** RSS (kB) of each service of the stack now. */
    private void rss(Map<String, Long> into) {
        o.pids.forEach((name, pid) -> {
            if (!name.equals("reference-app")) {
                try {
                    into.put(name, Startup.rssKb(pid));
                } catch (IOException | RuntimeException gone) {
                    into.put(name, 0L);
                }
            }
        });
    }

    /** The id of the first referral in coordinator1's triage queue (a referral coordinator1 may read). */
    private String firstTriageItem(String token) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(o.referral.resolve("/api/v1/triage?size=1"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("triage page: HTTP " + r.statusCode());
        }
        JsonNode items = JSON.readTree(r.body()).path("items");
        if (items.isEmpty()) {
            throw new IllegalStateException("coordinator1's queue is empty");
        }
        return items.get(0).path("id").asText();
    }

    // ---- plumbing -----------------------------------------------------------------------------------

    private long loadReferrals(long total) throws Exception {
        List<ReferralData.Target> seeded = new ArrayList<>();
        List<UUID> platforms = new ArrayList<>();
        try (Connection d = DriverManager.getConnection(o.directoryJdbc, o.pgUser, o.pgPassword); Statement st = d.createStatement()) {
            try (ResultSet rs = st.executeQuery("select distinct on (p.id) p.id, p.name, p.organisation_id, p.admission_mode,"
                    + " po.platform_id from programme p join platform_organisation po on po.organisation_id = p.organisation_id"
                    + " where p.archived_at is null order by p.id")) {
                while (rs.next()) {
                    seeded.add(new ReferralData.Target("PROGRAMME", rs.getObject(1, UUID.class), rs.getString(2),
                            rs.getObject(3, UUID.class), rs.getString(4), rs.getObject(5, UUID.class)));
                }
            }
            try (ResultSet rs = st.executeQuery("select id from platform where archived_at is null order by id")) {
                while (rs.next()) {
                    platforms.add(rs.getObject(1, UUID.class));
                }
            }
        }
        try (Connection c = DriverManager.getConnection(o.referralJdbc, o.pgUser, o.pgPassword)) {
            return new ReferralData(total, seeded, platforms).topUp(c, total);
        }
    }

    interface Load {
        long run() throws Exception;
    }

    private void timedLoad(String group, String name, Load load) throws Exception {
        long t0 = System.nanoTime();
        long added = load.run();
        double s = (System.nanoTime() - t0) / 1e9;
        emit(Result.figure(group, name, added == 0 ? "already there" : String.format(Locale.ROOT, "%,d rows added in %.1f s (%,.0f/s)",
                added, s, added / s)));
    }

    private Result load(String group, String name, URI base, double rate, LongFunction<OpenLoad.Request> requests, IntPredicate expected) {
        return load(group, name, base, rate, requests, expected, null);
    }

    /**
     * One figure: the warm-up, then {@code o.reps} measured windows (together as long as one figure used to be) whose
     * median makes the row. With {@code cpuName}, the processes' CPU per completed request over the windows too.
     */
    private Result load(String group, String name, URI base, double rate, LongFunction<OpenLoad.Request> requests, IntPredicate expected,
                        String cpuName) {
        List<Result> reps = new ArrayList<>();
        Map<String, Long> ticks = new LinkedHashMap<>();
        long done = 0;
        Duration window = o.duration(group).dividedBy(o.reps);
        try (OpenLoad gen = new OpenLoad(base.getHost(), base.getPort(), o.connections)) {
            if (!o.warmup(group).isZero()) {
                gen.run(rate, o.warmup(group), Duration.ZERO, requests, expected);
            }
            for (int k = 0; k < o.reps; k++) {
                Map<String, Long> before = o.cpu().snapshot();
                Latencies l = gen.run(rate, Duration.ZERO, window, requests, expected);
                addTicks(ticks, before, o.cpu().snapshot());
                done += l.count() - l.errors();
                reps.add(Result.of(group, name, rate, window.toMillis() / 1000.0, l, ""));
            }
        }
        String errors = Errors.drain();
        Result r = Stats.combine(reps, errors);
        emit(r);
        if (cpuName != null && !o.cpu().isEmpty()) {
            // The bare app idles beside the stack: not part of the product's cost.
            ticks.remove("reference-app");
            emit(Result.figure(group, cpuName, ProcCpu.describe(o.cpu().perRequest(Map.of(), ticks, done))));
        }
        if (r.errors() > 0 || r.p99() > 1_000) {
            settle(base);
        }
        return r;
    }

    /**
     * After an overloaded phase the server is still working through the requests queued in it: wait until its
     * readiness (database and upstream checks, on its management port) answers promptly three times in a row
     * (two minutes at most), so the next figure starts clean.
     */
    private void settle(URI base) {
        // nginx is only ever in front of the directory.
        URI management = base.equals(o.gateway) ? o.gatewayManagement
                : base.equals(o.referral) ? o.referralManagement : o.directoryManagement;
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        int prompt = 0;
        while (prompt < 3 && System.nanoTime() < deadline) {
            long t0 = System.nanoTime();
            try {
                http.send(HttpRequest.newBuilder(management.resolve("/q/health/ready")).timeout(Duration.ofSeconds(30)).build(),
                        HttpResponse.BodyHandlers.discarding());
                prompt = System.nanoTime() - t0 < 50_000_000L ? prompt + 1 : 0;
            } catch (IOException e) {
                prompt = 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private Result added(String group, String name, Result through, Result direct) {
        return new Result(group, name, through.rate(), through.throughput(), through.p50() - direct.p50(), through.p90() - direct.p90(),
                through.p99() - direct.p99(), through.max() - direct.max(), through.requests(), through.errors(),
                "through minus direct, percentile by percentile");
    }

    private static String ratio(double a, double b) {
        return b <= 0 ? "n/a (nginx added nothing measurable)" : String.format(Locale.ROOT, "%.1f", a / b);
    }

    private void emit(Result r) {
        out.println(Table.line(r));
        try {
            Files.writeString(o.results, r.tsv() + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + o.results, e);
        }
    }

    static MultiMap headers(String token) {
        return MultiMap.caseInsensitiveMultiMap().add("Authorization", "Bearer " + token).add("Accept", "application/json");
    }

    private static LongFunction<OpenLoad.Request> get(String path, String token) {
        MultiMap h = headers(token);
        return i -> new OpenLoad.Request(HttpMethod.GET, path, h, null);
    }

    private static LongFunction<OpenLoad.Request> post(String path, String token, String json) {
        MultiMap h = headers(token).add("Content-Type", "application/json");
        Buffer body = Buffer.buffer(json);
        return i -> new OpenLoad.Request(HttpMethod.POST, path, h, body);
    }

    private static IntPredicate ok() {
        return s -> s == 200;
    }

    /** Sizes, rates and durations: the full run's, or the smoke run's (seconds, tiny data). */
    static final class Options {
        URI gateway = URI.create("http://127.0.0.1:8080");
        URI directory = URI.create("http://127.0.0.1:8081");
        URI referral = URI.create("http://127.0.0.1:8082");
        /** Management interfaces (readiness), 127.0.0.1 only. */
        URI gatewayManagement = URI.create("http://127.0.0.1:9080");
        URI directoryManagement = URI.create("http://127.0.0.1:9081");
        URI referralManagement = URI.create("http://127.0.0.1:9082");
        URI nginx;
        /** The bare Quarkus app (bench/reference-app): the floor of a request's cost. */
        URI reference;
        /** wrk's path, for the closed-loop figure; null: left out. */
        String wrk;
        int closedConnections = 32;
        int closedSeconds = 10;
        /** Measured windows per figure (their median is the row); the windows together last {@code duration}. */
        int reps = 3;
        /** The stack's processes by name, for the CPU per request (/proc); empty: no CPU figures. */
        Map<String, Long> pids = new LinkedHashMap<>();
        long clockTicks = 100;
        /** The soak instead of the suite: minutes (0: no soak) and the offered rate, requests/s in all. */
        int soakMinutes;
        double soakRate;
        private ProcCpu cpu;
        String issuer = "http://localhost:8180/realms/passerelle";
        String referralJdbc;
        String directoryJdbc;
        String pgUser = "postgres";
        String pgPassword = "";
        Path results;
        long smallReferrals = 100_000;
        long largeReferrals = 1_000_000;
        long programmes = 50_000;
        int deepItem = 1_000;
        int connections = 32;
        double overheadRate = 2_000;
        double directoryRate = 50;
        double triageRate = 200;
        double[] creationRates = {100, 200, 300, 400, 500, 750, 1_000, 1_500, 2_000, 2_500, 3_000};
        // JIT warm-up on 2 shared cores takes tens of thousands of requests: measured, not guessed (bench/README.md).
        Duration warmup = Duration.ofSeconds(20);
        Duration duration = Duration.ofSeconds(20);
        Duration creationWarmup = Duration.ofSeconds(3);
        Duration creationDuration = Duration.ofSeconds(10);
        Duration creationPrewarm = Duration.ofSeconds(40);
        /** Groups to measure (overhead, directory, triage, creation); empty: all. Data is loaded either way. */
        java.util.Set<String> only = java.util.Set.of();

        ProcCpu cpu() {
            if (cpu == null) {
                cpu = new ProcCpu(pids, clockTicks);
            }
            return cpu;
        }

        boolean wants(String group) {
            return only.isEmpty() || only.contains(group);
        }

        void smoke() {
            smallReferrals = 1_000;
            largeReferrals = 2_000;
            programmes = 300;
            deepItem = 5;
            overheadRate = 50;
            reps = 1;
            closedSeconds = 1;
            directoryRate = 20;
            triageRate = 20;
            creationRates = new double[] {20};
            warmup = Duration.ofMillis(500);
            duration = Duration.ofSeconds(1);
            creationWarmup = Duration.ZERO;
            creationPrewarm = Duration.ZERO;
            creationDuration = Duration.ofSeconds(1);
        }

        Duration warmup(String group) {
            return group.equals("creation") ? creationWarmup : warmup;
        }

        Duration duration(String group) {
            return group.equals("creation") ? creationDuration : duration;
        }
    }
}
