package fr.passerelle.e2e.security;

import static fr.passerelle.e2e.support.Api.as;

import fr.passerelle.e2e.support.Api;
import fr.passerelle.e2e.support.Jwts;
import fr.passerelle.e2e.support.Keycloak;
import fr.passerelle.e2e.support.Run;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Category 3: a catalogue of bad bodies, parameters, paths and headers against the write and search
 * operations. The bulk goes straight to the services (no rate limit there); one probe in
 * {@link #GATEWAY_SHARE} also goes through the gateway (paced per caller, see {@link Exchange}), and so do
 * all path and header probes, which are about the gateway first.
 * <p>
 * Every answer must pass {@link Exchange#hygiene}; a probe marked "refuse" must also not succeed (a 2xx
 * or 3xx for input DESIGN.md says is refused: strict JSON, control characters, unknown enums, wrong
 * types, unknown or repeated parameters, weak ETags…).
 */
final class BadInputs {

    static final int GATEWAY_SHARE = 10;

    /** One probe: who sends it, whether it must be refused, the request for a given base URL. */
    record Probe(String name, String caller, String service, boolean refuse, boolean gatewayToo, Function<String, RawHttp.Request> build) {
    }

    enum Kind { NAME, FREE, ENUM, DATE, UUID, CODE, INT, BOOL }

    record Field(String path, Kind kind, boolean required) {
        boolean text() {
            return kind == Kind.NAME || kind == Kind.FREE;
        }
    }

    /** A JSON value (raw bytes, so that invalid UTF-8 can be sent) and for which fields it must be refused. */
    record Value(String label, byte[] json, Predicate<Field> refuse) {
    }

    private static final Predicate<Field> ALWAYS = f -> true;
    private static final Predicate<Field> NOT_FREE_TEXT = f -> f.kind() != Kind.FREE;
    private static final Predicate<Field> CODED = f -> !f.text();
    private static final Predicate<Field> REQUIRED = Field::required;

    // -------------------------------------------------------------------------------------------- values

    private static Value text(String label, String jsonString, Predicate<Field> refuse) {
        return new Value(label, ("\"" + jsonString + "\"").getBytes(StandardCharsets.UTF_8), refuse);
    }

    private static Value raw(String label, String json, Predicate<Field> refuse) {
        return new Value(label, json.getBytes(StandardCharsets.UTF_8), refuse);
    }

    /** "Li" + the bytes + "na" inside a JSON string. */
    private static Value bytesInString(String label, int... bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("\"Li".getBytes(StandardCharsets.US_ASCII));
        for (int b : bytes) {
            out.write(b);
        }
        out.writeBytes("na\"".getBytes(StandardCharsets.US_ASCII));
        return new Value(label, out.toByteArray(), ALWAYS);
    }

    /** Values for any field, each refused where the predicate says. */
    static List<Value> values() {
        List<Value> v = new ArrayList<>();
        // Control characters, escaped and raw.
        v.add(text("NUL escaped", "Li\\u0000na", ALWAYS));
        v.add(bytesInString("raw control byte 0x01", 0x01));
        v.add(text("BEL escaped", "Li\\u0007na", ALWAYS));
        v.add(text("ESC escaped", "Li\\u001bna", ALWAYS));
        v.add(text("backspace escaped", "Li\\bna", ALWAYS));
        v.add(text("newline escaped", "Li\\nna", NOT_FREE_TEXT));
        v.add(text("DEL and C1 control", "Li\\u007f\\u0085na", NOT_FREE_TEXT));
        // Broken Unicode.
        v.add(text("lone high surrogate", "Li\\ud800na", ALWAYS));
        v.add(text("lone low surrogate", "Li\\udc00na", ALWAYS));
        v.add(bytesInString("surrogate encoded in UTF-8 (CESU)", 0xED, 0xA0, 0x80));
        v.add(bytesInString("overlong UTF-8 '/' (C0 AF)", 0xC0, 0xAF));
        v.add(bytesInString("overlong UTF-8 '/' (E0 80 AF)", 0xE0, 0x80, 0xAF));
        v.add(bytesInString("invalid byte FF", 0xFF));
        v.add(bytesInString("truncated UTF-8 sequence", 0xC3));
        // Injection-shaped strings: legitimate in free text, never a code, id or date.
        v.add(text("SQL-like", "' OR 1=1--", CODED));
        v.add(text("SQL statement", "'; DROP TABLE pupil_case; --", CODED));
        v.add(text("path-like", "../../etc/passwd", CODED));
        v.add(text("percent-encoded NUL", "%00", CODED));
        v.add(text("markup", "<script>alert(1)</script>", CODED));
        v.add(text("lookup expression", "${jndi:ldap://127.0.0.1:1/a}", CODED));
        v.add(text("bidi override", "Li\\u202ena", CODED));
        // Empty, blank, too long.
        v.add(text("empty string", "", f -> f.required() || f.kind() != Kind.FREE && f.kind() != Kind.NAME));
        v.add(text("blank string", "   ", f -> f.required() || f.kind() != Kind.FREE && f.kind() != Kind.NAME));
        v.add(text("10 000 characters", "a".repeat(10_000), ALWAYS));
        // Wrong types and extreme numbers.
        v.add(raw("number", "123", f -> f.kind() != Kind.INT));
        v.add(raw("boolean", "true", f -> f.kind() != Kind.BOOL));
        v.add(raw("array", "[\"a\"]", ALWAYS));
        v.add(raw("object", "{\"a\":1}", ALWAYS));
        v.add(raw("null", "null", REQUIRED));
        v.add(raw("decimal", "1.5", ALWAYS));
        v.add(raw("number beyond double", "1e309", ALWAYS));
        v.add(raw("number beyond long", "99999999999999999999", ALWAYS));
        v.add(raw("negative number", "-1", ALWAYS));
        v.add(text("number as string", "17", f -> f.kind() != Kind.NAME && f.kind() != Kind.FREE));
        v.add(text("boolean as string", "true", f -> f.kind() != Kind.NAME && f.kind() != Kind.FREE));
        // Near misses of codes, dates and ids.
        v.add(text("unknown enum", "UNKNOWN_VALUE", CODED));
        v.add(text("lower-case enum", "premiere", CODED));
        v.add(text("impossible date", "2009-02-30", CODED));
        v.add(text("French date format", "14/03/2009", CODED));
        v.add(text("date with time", "2009-03-14T00:00:00Z", CODED));
        v.add(text("year 999999", "+999999-01-01", CODED));
        v.add(text("not a UUID", "not-a-uuid", CODED));
        v.add(text("UUID in braces", "{" + Fixtures.ABSENT + "}", CODED));
        v.add(text("unknown commune-like code", "99999", f -> f.kind() != Kind.NAME && f.kind() != Kind.FREE));
        return v;
    }

    // -------------------------------------------------------------------------------------------- operations

    /** A JSON write or search operation: its base body (valid) and its fields. */
    record Operation(String name, String caller, String service, String method, String path, Map<String, Object> base,
                     List<Field> fields, boolean staleIfMatch, boolean idempotent, boolean creates) {
    }

    static List<Operation> operations(Fixtures f) {
        String today = Api.today().toString();
        List<Operation> ops = new ArrayList<>();
        ops.add(new Operation("match", "coordinator1", Exchange.DIRECTORY, "POST", "/api/v1/programmes/match",
                map("age", 17, "schoolLevel", "PREMIERE", "schoolingStatus", "AT_RISK", "communeCode", Api.VILLEURBANNE),
                List.of(new Field("age", Kind.INT, true), new Field("schoolLevel", Kind.ENUM, true),
                        new Field("schoolingStatus", Kind.ENUM, true), new Field("communeCode", Kind.CODE, true),
                        new Field("livesInQpv", Kind.BOOL, false),
                        // age is already given: any birthDate breaks "exactly one of" (null is an absent birthDate).
                        new Field("birthDate", Kind.DATE, false)), false, false, false));
        Map<String, Object> pupil = new LinkedHashMap<>(Api.pupil("input"));
        pupil.remove("guardians");
        ops.add(new Operation("create case", "referent1", Exchange.REFERRAL, "POST", "/api/v1/cases", pupil,
                List.of(new Field("firstName", Kind.NAME, true), new Field("lastName", Kind.NAME, true),
                        new Field("birthDate", Kind.DATE, true), new Field("schoolUai", Kind.CODE, false),
                        new Field("schoolLevel", Kind.ENUM, true), new Field("schoolingStatus", Kind.ENUM, false),
                        new Field("homeCommuneCode", Kind.CODE, true), new Field("ine", Kind.CODE, false),
                        new Field("consent.givenBy", Kind.ENUM, true), new Field("consent.givenAt", Kind.DATE, true),
                        new Field("consent.purpose", Kind.ENUM, true)), false, true, true));
        ops.add(new Operation("file referral", "referent1", Exchange.REFERRAL, "POST", "/api/v1/referrals",
                map("caseId", f.caseId, "targetType", "PROGRAMME", "targetId", Api.FIL_D_ARIANE, "reason", "ABSENTEEISM",
                        "urgency", "HIGH", "context", "Absences répétées.", "submit", false),
                List.of(new Field("caseId", Kind.UUID, true), new Field("targetType", Kind.ENUM, true),
                        new Field("targetId", Kind.UUID, true), new Field("reason", Kind.ENUM, true),
                        new Field("urgency", Kind.ENUM, false), new Field("context", Kind.FREE, false),
                        new Field("submit", Kind.BOOL, false)), false, true, true));
        ops.add(new Operation("add follow-up", "partner1", Exchange.REFERRAL, "POST", "/api/v1/referrals/" + f.referralId + "/follow-ups",
                map("entryDate", today, "kind", "MEETING", "visibility", "AUTHOR_ORG", "text", "Entretien de suivi."),
                List.of(new Field("entryDate", Kind.DATE, true), new Field("kind", Kind.ENUM, true),
                        new Field("visibility", Kind.ENUM, true), new Field("text", Kind.FREE, true)), false, false, true));
        // A stale If-Match: any 2xx at all would be wrong, so every probe of it must be refused.
        ops.add(new Operation("patch case", "referent1", Exchange.REFERRAL, "PATCH", "/api/v1/cases/" + f.caseId,
                map("schoolLevel", "TERMINALE"),
                List.of(new Field("schoolLevel", Kind.ENUM, true), new Field("firstName", Kind.NAME, true),
                        new Field("homeCommuneCode", Kind.CODE, true), new Field("birthDate", Kind.DATE, true)), true, false, false));
        ops.add(new Operation("subject-access search", "auditor1", Exchange.REFERRAL, "POST", "/api/v1/audit/subject-access",
                map("firstName", "Lina", "lastName", "Martin", "birthDate", "2009-03-14", "reference", "DPO-E2E"),
                List.of(new Field("firstName", Kind.NAME, true), new Field("lastName", Kind.NAME, true),
                        new Field("birthDate", Kind.DATE, true), new Field("reference", Kind.FREE, false),
                        // names are given: a caseId or an INE breaks "exactly one of".
                        new Field("caseId", Kind.UUID, false), new Field("ine", Kind.CODE, false)), false, false, false));
        ops.add(new Operation("create organisation", "admin1", Exchange.DIRECTORY, "POST", "/api/v1/organisations",
                map("name", Run.MARKER + " association de test", "kind", "ASSOCIATION"),
                List.of(new Field("name", Kind.NAME, true), new Field("kind", Kind.ENUM, true)), false, false, true));
        ops.add(new Operation("create programme", "admin1", Exchange.DIRECTORY, "POST", "/api/v1/programmes",
                map("organisationId", f.otherOrganisation, "name", Run.MARKER + " dispositif de test", "categories", List.of("REMOBILISATION")),
                List.of(new Field("organisationId", Kind.UUID, true), new Field("name", Kind.NAME, true)), false, false, true));
        return ops;
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    // -------------------------------------------------------------------------------------------- probes

    static List<Probe> probes(Fixtures f) {
        List<Probe> probes = new ArrayList<>();
        List<Value> values = values();
        for (Operation op : operations(f)) {
            boolean directoryWrite = op.caller().equals("admin1");
            for (Field field : op.fields()) {
                for (Value value : values) {
                    boolean refuse = op.staleIfMatch() || value.refuse().test(field);
                    // The directory's creations only get what must be refused: nothing is created when all holds.
                    if (directoryWrite && !refuse) {
                        continue;
                    }
                    byte[] body = withField(op.base(), field.path(), value.json());
                    probes.add(jsonProbe(op, field.path() + " = " + value.label(), refuse, body, "application/json"));
                }
            }
            probes.addAll(bodyProbes(op));
        }
        probes.addAll(ifMatchProbes(f));
        probes.addAll(parameterProbes(f));
        probes.addAll(pathProbes());
        probes.addAll(headerProbes());
        return probes;
    }

    private static Probe jsonProbe(Operation op, String what, boolean refuse, byte[] body, String contentType) {
        return new Probe(op.name() + ": " + what, op.caller(), op.service(), refuse, false, base -> {
            RawHttp.Request r = RawHttp.Request.of(op.method(), base, op.path()).bearer(Exchange.token(op.caller()))
                    .header("Accept", "application/json");
            if (contentType != null) {
                r.header("Content-Type", contentType);
            }
            if (op.staleIfMatch()) {
                r.header("If-Match", Fixtures.STALE);
            }
            if (op.idempotent()) {
                r.header("Idempotency-Key", java.util.UUID.randomUUID().toString());
            }
            return r.body(body);
        });
    }

    /** Whole-body defects: strictness of the JSON parser, sizes, nesting, media types. */
    private static List<Probe> bodyProbes(Operation op) {
        byte[] valid = json(op.base());
        String validText = new String(valid, StandardCharsets.UTF_8);
        String firstKey = op.base().keySet().iterator().next();
        String firstValue = new String(json(op.base().get(firstKey)), StandardCharsets.UTF_8);
        String rest = validText.substring(1);
        List<Probe> p = new ArrayList<>();
        p.add(jsonProbe(op, "trailing data", true, (validText + " x").getBytes(StandardCharsets.UTF_8), "application/json"));
        p.add(jsonProbe(op, "a second JSON document", true, (validText + "{}").getBytes(StandardCharsets.UTF_8), "application/json"));
        p.add(jsonProbe(op, "trailing bracket", true, (validText + "]").getBytes(StandardCharsets.UTF_8), "application/json"));
        p.add(jsonProbe(op, "duplicate key", true, ("{\"" + firstKey + "\":" + firstValue + "," + rest).getBytes(StandardCharsets.UTF_8),
                "application/json"));
        p.add(jsonProbe(op, "10 000 nested arrays", true, withField(op.base(), firstKey,
                ("[".repeat(10_000) + "]".repeat(10_000)).getBytes(StandardCharsets.UTF_8)), "application/json"));
        p.add(jsonProbe(op, "10 000 nested objects", true, ("{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000))
                .getBytes(StandardCharsets.UTF_8), "application/json"));
        p.add(jsonProbe(op, "empty body", true, new byte[0], "application/json"));
        p.add(jsonProbe(op, "JSON null", true, "null".getBytes(StandardCharsets.UTF_8), "application/json"));
        p.add(jsonProbe(op, "JSON array", true, "[]".getBytes(StandardCharsets.UTF_8), "application/json"));
        p.add(jsonProbe(op, "JSON string", true, "\"x\"".getBytes(StandardCharsets.UTF_8), "application/json"));
        p.add(jsonProbe(op, "comment", true, ("/* c */" + validText).getBytes(StandardCharsets.UTF_8), "application/json"));
        p.add(jsonProbe(op, "single quotes", true, validText.replace('"', '\'').getBytes(StandardCharsets.UTF_8), "application/json"));
        p.add(jsonProbe(op, "unquoted key", true, ("{" + firstKey + ":" + firstValue + "," + rest).getBytes(StandardCharsets.UTF_8),
                "application/json"));
        p.add(jsonProbe(op, "trailing comma", true, (validText.substring(0, validText.length() - 1) + ",}").getBytes(StandardCharsets.UTF_8),
                "application/json"));
        p.add(jsonProbe(op, "NaN", true, withField(op.base(), firstKey, "NaN".getBytes(StandardCharsets.UTF_8)), "application/json"));
        p.add(jsonProbe(op, "UTF-16 body", true, validText.getBytes(StandardCharsets.UTF_16LE), "application/json"));
        p.add(jsonProbe(op, "no Content-Type", true, valid, null));
        p.add(jsonProbe(op, "Content-Type text/plain", true, valid, "text/plain"));
        p.add(jsonProbe(op, "XML body", true, "<case><firstName>Lina</firstName></case>".getBytes(StandardCharsets.UTF_8), "application/xml"));
        p.add(jsonProbe(op, "1 MB string", true, withField(op.base(), firstKey,
                ("\"" + "a".repeat(1 << 20) + "\"").getBytes(StandardCharsets.UTF_8)), "application/json"));
        p.add(jsonProbe(op, "2 MB body", true, ("{\"padding\":\"" + "a".repeat(2 << 20) + "\"}").getBytes(StandardCharsets.UTF_8),
                "application/json"));
        if (!op.caller().equals("admin1")) {
            // No rule for these in DESIGN: they must merely be handled (no requirement to refuse).
            p.add(jsonProbe(op, "byte order mark", op.staleIfMatch(), concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, valid),
                    "application/json"));
            p.add(jsonProbe(op, "unknown field", op.staleIfMatch(), (validText.substring(0, validText.length() - 1)
                    + ",\"isAdmin\":true,\"role\":\"auditor\"}").getBytes(StandardCharsets.UTF_8), "application/json"));
        }
        return p;
    }

    /** If-Match on referent1's case: only the strong current ETag may match. */
    private static List<Probe> ifMatchProbes(Fixtures f) {
        List<Probe> p = new ArrayList<>();
        Map<String, Function<String, String>> variants = new LinkedHashMap<>();
        variants.put("weak current ETag", etag -> "W/" + etag);
        variants.put("*", etag -> "*");
        variants.put("W/*", etag -> "W/*");
        variants.put("unquoted current ETag", etag -> etag.replace("\"", "").replace("W/", ""));
        variants.put("empty", etag -> "");
        variants.put("NUL in the ETag", etag -> "\"v\u0000\"");
        variants.put("10 000-character ETag", etag -> "\"" + "v".repeat(10_000) + "\"");
        variants.put("list of stale ETags", etag -> "\"v999998\", \"v999999\"");
        variants.forEach((label, variant) -> p.add(new Probe("patch case: If-Match " + label, "referent1", Exchange.REFERRAL, true, true,
                base -> RawHttp.Request.of("PATCH", base, "/api/v1/cases/" + f.caseId).bearer(Exchange.token("referent1"))
                        .header("If-Match", variant.apply(currentCaseEtag(f))).json("{\"schoolLevel\":\"TERMINALE\"}"))));
        return p;
    }

    private static String currentCaseEtag(Fixtures f) {
        RawHttp.Answer answer = RawHttp.send(RawHttp.Request.of("GET", Exchange.REFERRAL, "/api/v1/cases/" + f.caseId)
                .bearer(Exchange.token("referent1")));
        if (answer.status() != 200 || answer.header("ETag") == null) {
            throw new IllegalStateException("referent1 cannot read its case: " + answer.describe());
        }
        return answer.header("ETag");
    }

    /** List and search endpoints: unknown, repeated and ill-typed query parameters. */
    private static List<Probe> parameterProbes(Fixtures f) {
        record Endpoint(String path, String caller, String service, String sizeName) {
        }
        List<Endpoint> endpoints = List.of(
                new Endpoint("/api/v1/cases", "referent1", Exchange.REFERRAL, "size"),
                new Endpoint("/api/v1/referrals", "referent1", Exchange.REFERRAL, "size"),
                new Endpoint("/api/v1/triage", "coordinator1", Exchange.REFERRAL, "size"),
                new Endpoint("/api/v1/stats", "coordinator1", Exchange.REFERRAL, "size"),
                new Endpoint("/api/v1/audit", "auditor1", Exchange.REFERRAL, "size"),
                new Endpoint("/api/v1/cases/" + f.caseId + "/timeline", "referent1", Exchange.REFERRAL, "size"),
                new Endpoint("/api/v1/referrals/" + f.referralId + "/follow-ups", "partner1", Exchange.REFERRAL, "size"),
                new Endpoint("/api/v1/programmes", "partner1", Exchange.DIRECTORY, "size"),
                new Endpoint("/api/v1/organisations", "partner1", Exchange.DIRECTORY, "size"),
                new Endpoint("/api/v1/platforms", "partner1", Exchange.DIRECTORY, "size"),
                new Endpoint("/api/v1/territories/communes", "partner1", Exchange.DIRECTORY, "size"),
                new Endpoint("/api/v1/hsds/services", "partner1", Exchange.DIRECTORY, "per_page"));
        List<Probe> p = new ArrayList<>();
        for (Endpoint e : endpoints) {
            String s = e.sizeName();
            for (String query : List.of("unknownParameter=1", s + "=5&" + s + "=6", s + "=0", s + "=101", s + "=-1", s + "=abc",
                    s + "=1e3", s + "=99999999999999999999", s + "=%00", s + "=%C0%AF", "page=-1", "page=abc", "page=2147483648",
                    "page=1&page=2")) {
                p.add(get(e.path() + "?" + query, e.caller(), e.service(), true));
            }
        }
        // Parameters of particular endpoints.
        for (String q : List.of("status=FOO", "status=open", "status=%00")) {
            p.add(get("/api/v1/cases?" + q, "referent1", Exchange.REFERRAL, true));
            p.add(get("/api/v1/referrals?" + q, "referent1", Exchange.REFERRAL, true));
            p.add(get("/api/v1/triage?" + q, "coordinator1", Exchange.REFERRAL, true));
        }
        for (String q : List.of("overdue=yes", "overdue=1", "overdue=TRUE", "overdue=true%00")) {
            p.add(get("/api/v1/referrals?" + q, "referent1", Exchange.REFERRAL, true));
        }
        for (String q : List.of("updatedSince=notadate", "updatedSince=2026-13-45T00:00:00Z", "updatedSince=%27%20OR%201%3D1--")) {
            p.add(get("/api/v1/referrals?" + q, "referent1", Exchange.REFERRAL, true));
        }
        for (String q : List.of("cursor=garbage", "cursor=%00", "cursor=..%2F..%2Fetc%2Fpasswd", "urgency=FOO")) {
            p.add(get("/api/v1/triage?" + q, "coordinator1", Exchange.REFERRAL, true));
        }
        for (String q : List.of("from=notadate", "to=2026-02-30", "groupBy=FOO", "from=2026-12-01&to=2026-01-01")) {
            p.add(get("/api/v1/stats?" + q, "coordinator1", Exchange.REFERRAL, true));
        }
        for (String q : List.of("q=%00", "q=a%01b", "q=%C0%AF", "q=%ED%A0%80", "age=abc", "age=-5", "age=1.5", "category=FOO",
                "schoolingStatus=FOO", "organisation=not-a-uuid", "commune=%27%20OR%201%3D1--", "departement=..%2F..%2F")) {
            p.add(get("/api/v1/programmes?" + q, "partner1", Exchange.DIRECTORY, true));
        }
        // Legitimate searches that look like attacks: handled, no requirement to refuse.
        for (String q : List.of("q=%27%20OR%201%3D1--", "q=..%2F..%2Fetc%2Fpasswd", "q=%3Cscript%3E", "q=" + "a".repeat(1_000))) {
            p.add(get("/api/v1/programmes?" + q, "partner1", Exchange.DIRECTORY, false));
        }
        return p;
    }

    private static Probe get(String target, String caller, String service, boolean refuse) {
        return new Probe("GET " + RawHttp.cut(target.replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "{id}"), 120), caller, service, refuse, false,
                base -> RawHttp.Request.of("GET", base, target).bearer(Exchange.token(caller)).header("Accept", "application/json"));
    }

    /** Paths with dot segments and other oddities, sent as is: normalised or refused (400), never a 5xx, never /q/ data. */
    private static List<Probe> pathProbes() {
        List<Probe> p = new ArrayList<>();
        List<String> paths = List.of("/api/v1/programmes/../cases", "/api/v1/./programmes/codes", "/api/v1/programmes/%2e%2e/cases",
                "/api/v1/programmes/%2E%2E/%2E%2E/%2E%2E/q/metrics", "/api/v1/programmes/..%2f..%2f..%2fq/metrics",
                "/api/v1/cases/../../../q/metrics", "/api/v1/programmes/../../../q/health", "/api/../q/metrics",
                "/q/../api/v1/programmes/codes", "//api/v1/programmes/codes", "/api/v1//programmes/codes", "/api/v1/programmes/codes/.",
                "/api/v1/programmes;x=y/codes", "/api/v1/programmes%00/codes", "/api/v1/programmes/%c0%ae%c0%ae/cases",
                "/api/v1/programmes/..\\cases", "/api/v1/programmes/%5c..%5ccases", "/API/V1/programmes/codes",
                "/api/v1/programmes/codes%2f..%2f..%2f..%2fq%2fmetrics", "/api/v1/%2e/programmes/codes",
                "/api/v1/programmes/codes/..;/..;/..;/q/metrics");
        for (String path : paths) {
            p.add(new Probe("GET " + path, "partner1", null, false, true,
                    base -> RawHttp.Request.of("GET", base, path).bearer(Exchange.token("partner1")).header("Accept", "application/json")));
        }
        p.add(new Probe("GET /api/v1/programmes/../cases (anonymous)", null, null, false, true,
                base -> RawHttp.Request.of("GET", base, "/api/v1/programmes/../cases")));
        p.add(new Probe("GET /q/metrics (main port)", null, null, false, true, base -> RawHttp.Request.of("GET", base, "/q/metrics")));
        p.add(new Probe("absolute-form target", "partner1", null, false, true,
                base -> RawHttp.Request.of("GET", base, base + "/api/v1/programmes/codes").bearer(Exchange.token("partner1"))));
        p.add(new Probe("URI of 20 000 characters", "partner1", null, true, true,
                base -> RawHttp.Request.of("GET", base, "/api/v1/programmes?q=" + "a".repeat(20_000)).bearer(Exchange.token("partner1"))));
        p.add(new Probe("URI of 100 000 characters", "partner1", null, true, true,
                base -> RawHttp.Request.of("GET", base, "/api/v1/programmes?q=" + "a".repeat(100_000)).bearer(Exchange.token("partner1"))));
        return p;
    }

    /** Oversized and malformed headers, odd methods. */
    private static List<Probe> headerProbes() {
        List<Probe> p = new ArrayList<>();
        p.add(new Probe("header of 20 KB", "partner1", null, true, true, base -> codes(base).header("X-Padding", "a".repeat(20_000))));
        p.add(new Probe("header of 100 KB", "partner1", null, true, true, base -> codes(base).header("X-Padding", "a".repeat(100_000))));
        p.add(new Probe("300 headers", "partner1", null, true, true, base -> {
            RawHttp.Request r = codes(base);
            for (int i = 0; i < 300; i++) {
                r.header("X-Padding-" + i, "a".repeat(100));
            }
            return r;
        }));
        p.add(new Probe("NUL in a header value", "partner1", null, true, true, base -> codes(base).header("X-Test", "a\u0000b")));
        p.add(new Probe("TRACE", "partner1", null, true, true,
                base -> RawHttp.Request.of("TRACE", base, "/api/v1/programmes/codes").bearer(Exchange.token("partner1"))));
        p.add(new Probe("unknown method", "partner1", null, true, true,
                base -> RawHttp.Request.of("FOO", base, "/api/v1/programmes/codes").bearer(Exchange.token("partner1"))));
        p.add(new Probe("Content-Length and Transfer-Encoding together", "partner1", null, false, true,
                base -> RawHttp.Request.of("POST", base, "/api/v1/programmes/match").bearer(Exchange.token("partner1"))
                        .header("Content-Type", "application/json").header("Content-Length", "4").header("Transfer-Encoding", "chunked")
                        .body("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII))));
        p.add(new Probe("Accept: application/xml", "partner1", null, false, true,
                base -> RawHttp.Request.of("GET", base, "/api/v1/programmes/codes").bearer(Exchange.token("partner1"))
                        .header("Accept", "application/xml")));
        return p;
    }

    private static RawHttp.Request codes(String base) {
        return RawHttp.Request.of("GET", base, "/api/v1/programmes/codes").bearer(Exchange.token("partner1"));
    }

    // -------------------------------------------------------------------------------------------- running

    static void run(Tally tally, Fixtures f) {
        List<Probe> probes = probes(f);
        List<String> created = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Runnable> tasks = new ArrayList<>();
        // The If-Match probes read the case's current ETag and act on it: one at a time, after the rest,
        // or one's success would make another's ETag stale (a 412 that proves nothing).
        List<Runnable> serial = new ArrayList<>();
        for (int i = 0; i < probes.size(); i++) {
            Probe probe = probes.get(i);
            List<String> bases = new ArrayList<>();
            if (probe.service() == null) {
                bases.addAll(List.of(Exchange.GATEWAY, Exchange.DIRECTORY, Exchange.REFERRAL));
            } else {
                bases.add(probe.service());
                if (probe.gatewayToo() || i % GATEWAY_SHARE == 0) {
                    bases.add(Exchange.GATEWAY);
                }
            }
            for (String base : bases) {
                (probe.name().contains("If-Match") ? serial : tasks).add(() -> {
                    RawHttp.Request request = probe.build().apply(base);
                    RawHttp.Answer answer = Exchange.send(probe.caller(), request);
                    tally.record(probe.name() + " → " + base, request, answer, judge(probe, answer));
                    if (answer.status() == 201 && answer.header("Location") != null
                            && (request.target().equals("/api/v1/organisations") || request.target().equals("/api/v1/programmes"))) {
                        created.add(answer.header("Location"));
                    }
                });
            }
        }
        Exchange.parallel(tasks, 4);
        serial.forEach(Runnable::run);
        archive(created);
        System.out.println("security: bad input: " + created.size() + " directory record(s) created by accepted bad input, archived again");
    }

    /**
     * Requests the HTTP codec itself refuses before any application code runs: it answers an empty 400 and closes the
     * connection, and Quarkus 3.30 gives the application no hook there (docs/security.md, accepted risks). Such a
     * probe holds when it is refused with a 4xx and no more.
     */
    static final Set<String> CODEC_REFUSALS = Set.of("NUL in a header value", "patch case: If-Match NUL in the ETag",
            "GET /api/v1/programmes/..\\cases");

    private static List<String> judge(Probe probe, RawHttp.Answer answer) {
        if (CODEC_REFUSALS.contains(probe.name())) {
            return answer.status() >= 400 && answer.status() < 500 ? List.of() : List.of("not refused by the HTTP codec: " + answer.status());
        }
        String body = answer.text();
        boolean management = answer.status() == 200 && (body.contains("# HELP") || body.contains("# TYPE") || body.contains("\"checks\""));
        // Metrics are full of class names by nature: that answer is one failure (where it is served), not two.
        List<String> problems = Exchange.hygiene(answer, !management);
        if (management) {
            problems.add("management data (metrics or health) served on a public port");
        }
        if (probe.refuse() && answer.status() > 0 && answer.status() < 400) {
            problems.add("accepted (" + answer.status() + ") input that must be refused");
        }
        return problems;
    }

    /** Directory records a defect let through are archived again, so that searches stay clean. */
    private static void archive(List<String> locations) {
        for (String location : locations) {
            String path = location.replaceFirst("^https?://[^/]+", "");
            String etag = as("admin1").get(path).header("ETag");
            int status = as("admin1").header("If-Match", etag == null ? "*" : etag).delete(path).statusCode();
            if (status != 204) {
                System.out.println("security: bad input: could not archive " + path + " (created by a defect): HTTP " + status);
            }
        }
    }

    // -------------------------------------------------------------------------------------------- JSON building

    static byte[] json(Object value) {
        try {
            return Jwts.JSON.writeValueAsBytes(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The base body with the field (dotted path) set to the raw JSON bytes. */
    @SuppressWarnings("unchecked")
    static byte[] withField(Map<String, Object> base, String path, byte[] rawValue) {
        String sentinel = "@@value-" + Run.letters(8) + "@@";
        Map<String, Object> copy = deepCopy(base);
        String[] keys = path.split("\\.");
        Map<String, Object> node = copy;
        for (int i = 0; i < keys.length - 1; i++) {
            node = (Map<String, Object>) node.computeIfAbsent(keys[i], k -> new LinkedHashMap<String, Object>());
        }
        node.put(keys[keys.length - 1], sentinel);
        byte[] template = json(copy);
        byte[] needle = ("\"" + sentinel + "\"").getBytes(StandardCharsets.UTF_8);
        int at = new String(template, StandardCharsets.ISO_8859_1).indexOf(new String(needle, StandardCharsets.ISO_8859_1));
        return concat(java.util.Arrays.copyOfRange(template, 0, at), rawValue,
                java.util.Arrays.copyOfRange(template, at + needle.length, template.length));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(Map<String, Object> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(k, v instanceof Map<?, ?> m ? deepCopy((Map<String, Object>) m) : v));
        return copy;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
