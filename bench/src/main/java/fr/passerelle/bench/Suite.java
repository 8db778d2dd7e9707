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
import java.util.Locale;
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
        // ---- data at the small size
        timedLoad("data", "referrals loaded to " + o.smallReferrals, () -> loadReferrals(o.smallReferrals));
        // ---- gateway overhead: the same GET directly, through the gateway, through nginx
        if (o.wants("overhead")) {
            overhead();
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

    private void overhead() {
        // The code lists: the service validates the token and answers from memory, so what differs between the
        // three lines is the hop in front of it (a database read would add its own noise to all three).
        String programmePath = "/api/v1/programmes/codes";
        String referent = tokens.fresh("referent1");
        // A JIT-cold JVM cannot take 2,000/s: ramp every path up at a quarter, then half the rate before measuring.
        for (URI base : o.nginx == null ? List.of(o.directory, o.gateway) : List.of(o.directory, o.gateway, o.nginx)) {
            try (OpenLoad gen = new OpenLoad(base.getHost(), base.getPort(), o.connections)) {
                gen.run(o.overheadRate / 4, Duration.ZERO, o.warmup, get(programmePath, referent), ok());
                gen.run(o.overheadRate / 2, Duration.ZERO, o.warmup, get(programmePath, referent), ok());
            }
        }
        Errors.drain();
        // Interleaved rounds (direct, gateway, nginx, direct, …) pooled per path: a slow spell of the shared machine
        // then falls on every path alike instead of on whichever happened to run during it.
        List<URI> paths = o.nginx == null ? List.of(o.directory, o.gateway) : List.of(o.directory, o.gateway, o.nginx);
        List<Latencies> pooled = new ArrayList<>();
        paths.forEach(p -> pooled.add(new Latencies()));
        Duration round = o.duration.dividedBy(o.overheadRounds);
        Duration roundWarmup = o.warmup.compareTo(Duration.ofSeconds(2)) < 0 ? o.warmup : Duration.ofSeconds(2);
        for (int r = 0; r < o.overheadRounds; r++) {
            for (int p = 0; p < paths.size(); p++) {
                URI base = paths.get(p);
                try (OpenLoad gen = new OpenLoad(base.getHost(), base.getPort(), o.connections)) {
                    pooled.get(p).addAll(gen.run(o.overheadRate, roundWarmup, round, get(programmePath, referent), ok()));
                }
            }
        }
        String errors = Errors.drain();
        double seconds = o.duration.toMillis() / 1000.0;
        Result direct = Result.of("overhead", "GET codes: directory-service direct", o.overheadRate, seconds, pooled.get(0), errors);
        Result viaGateway = Result.of("overhead", "GET codes: through the gateway", o.overheadRate, seconds, pooled.get(1), "");
        emit(direct);
        emit(viaGateway);
        emit(added("overhead", "gateway added latency", viaGateway, direct));
        if (o.nginx != null) {
            Result viaNginx = Result.of("overhead", "GET codes: through nginx", o.overheadRate, seconds, pooled.get(2), "");
            emit(viaNginx);
            emit(added("overhead", "nginx added latency", viaNginx, direct));
            double gw = viaGateway.p50() - direct.p50();
            double ng = viaNginx.p50() - direct.p50();
            emit(Result.figure("overhead", "gateway / nginx added latency (p50; p99)", String.format(Locale.ROOT, "%s; %s",
                    ratio(gw, ng), ratio(viaGateway.p99() - direct.p99(), viaNginx.p99() - direct.p99()))));
        }
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
            needed += (long) (rate * (o.creationWarmup.toSeconds() + o.creationDuration.toSeconds())) + 10;
        }
        List<UUID> cases = spareCases(o.referralJdbc, o.pgUser, o.pgPassword, needed);
        int next = 0;
        // The creation path (validation, directory lookups, idempotency, audit, timeline) warms up at a low rate first.
        if (o.creationPrewarm.toMillis() > 0) {
            String token = tokens.fresh("referent1");
            int from = next;
            try (OpenLoad gen = new OpenLoad(o.gateway.getHost(), o.gateway.getPort(), o.connections)) {
                gen.run(o.creationRates[0] / 2, Duration.ZERO, o.creationPrewarm, creations(cases, from, token), s -> s == 201);
            }
            next += (int) (o.creationRates[0] / 2 * o.creationPrewarm.toSeconds());
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
                    Result r = load("creation", String.format(Locale.ROOT, "create referral, gateway, %.0f/s", rate), o.gateway, rate,
                            creations(cases, next, token), s -> s == 201);
                    next += (int) (rate * (o.creationWarmup.toSeconds() + o.creationDuration.toSeconds()));
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
    static LongFunction<OpenLoad.Request> creations(List<UUID> cases, int from, String token) {
        return i -> {
            String body = "{\"caseId\":\"" + cases.get((int) (from + i)) + "\",\"targetType\":\"PROGRAMME\",\"targetId\":\""
                    + FIL_D_ARIANE + "\",\"reason\":\"ABSENTEEISM\",\"urgency\":\"NORMAL\",\"submit\":true,"
                    + "\"eligibilityOverrideReason\":\"banc d'essai\"}";
            return new OpenLoad.Request(HttpMethod.POST, "/api/v1/referrals", headers(token).add("Content-Type", "application/json")
                    .add("Idempotency-Key", UUID.randomUUID().toString()), Buffer.buffer(body));
        };
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
        Latencies l;
        try (OpenLoad gen = new OpenLoad(base.getHost(), base.getPort(), o.connections)) {
            l = gen.run(rate, o.warmup(group), o.duration(group), requests, expected);
        }
        String errors = Errors.drain();
        Result r = Result.of(group, name, rate, o.duration(group).toMillis() / 1000.0, l, errors);
        emit(r);
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
        int overheadRounds = 4;
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

        boolean wants(String group) {
            return only.isEmpty() || only.contains(group);
        }

        void smoke() {
            smallReferrals = 1_000;
            largeReferrals = 2_000;
            programmes = 300;
            deepItem = 5;
            overheadRate = 50;
            overheadRounds = 1;
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
