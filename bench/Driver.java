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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Studio's benchmark load driver (a single-file Java program: `java bench/Driver.java <command> ...`). It talks to a
 * running Studio only through the same HTTP API CI pipelines and people use, with real Keycloak tokens.
 *
 * <pre>
 *   load     --studio URL --keycloak REALM_URL --scale S --concurrency C --out FILE   synthetic organisation
 *            [--mode batch|single]   a batch (POST /api/evidence/batch) per sprint's 40 inputs, or a call per input
 *   replay   --studio URL --keycloak REALM_URL --scale S --concurrency C --out FILE   the same stream again
 *   singles  --studio URL --keycloak REALM_URL --scale S --concurrency C --seconds D --out FILE
 *            single calls for D seconds (new execution metadata on the loaded sprints)
 *   definitions --studio URL --keycloak REALM_URL --scale S                         only the definitions (profiling)
 *   login    --studio URL --user U                                                  a browser session cookie
 *   approvals --studio URL --keycloak REALM_URL --approvers N --rounds R --out FILE  concurrent decisions
 *   token    --keycloak REALM_URL --user U
 * </pre>
 * Results are one JSON object per command, written to --out.
 */
public final class Driver {

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = options(args);
        switch (args.length == 0 ? "" : args[0]) {
            case "load" -> new Organisation(opt).load(false);
            case "replay" -> new Organisation(opt).load(true);
            case "definitions" -> new Organisation(opt).importDefinitions();
            case "singles" -> new Organisation(opt).singles(Integer.parseInt(opt.getOrDefault("seconds", "20")));
            case "login" -> System.out.println(login(opt.get("studio"), opt.getOrDefault("user", "product-owner")));
            case "approvals" -> new Race(opt).run();
            case "token" -> System.out.println(new Tokens(opt.get("keycloak")).token(opt.getOrDefault("user", "ci")));
            default -> {
                System.err.println("usage: java bench/Driver.java load|replay|login|approvals|token --option value ...");
                System.exit(2);
            }
        }
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> opt = new LinkedHashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) opt.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        return opt;
    }

    // ------------------------------------------------------------------ tokens and sessions

    /** Real tokens from Keycloak: client credentials for CI, a sign-in on the login page for people. */
    static final class Tokens {
        private static final Pattern ACCESS = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
        private final String realm;
        private final HttpClient http = HttpClient.newHttpClient();
        private final Map<String, AtomicReference<Cached>> cache = new ConcurrentHashMap<>();

        record Cached(String token, long at) {}

        Tokens(String realm) {
            this.realm = realm;
        }

        String token(String user) {
            AtomicReference<Cached> ref = cache.computeIfAbsent(user, u -> new AtomicReference<>());
            Cached c = ref.get();
            if (c == null || System.currentTimeMillis() - c.at() > 120_000) {
                c = new Cached(fetch(user), System.currentTimeMillis());
                ref.set(c);
            }
            return c.token();
        }

        private String fetch(String user) {
            String form = "ci".equals(user)
                    ? "grant_type=client_credentials&client_id=studio-ci&client_secret=studio-ci-secret"
                    : signedIn(realm, user);
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(realm + "/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
                Matcher m = ACCESS.matcher(r.body());
                if (!m.find()) throw new IllegalStateException("no token for " + user + ": " + r.body());
                return m.group(1);
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * A person's token comes from signing in on Keycloak's login page (authorization code with PKCE, the web client):
     * it carries auth_time, which Studio's decisions need to be recent; the password grant's tokens carry none.
     * Answers the token request's form for that code.
     */
    static String signedIn(String realm, String user) {
        try {
            String redirect = "http://localhost:1/bench-callback";
            byte[] random = new byte[32];
            new java.security.SecureRandom().nextBytes(random);
            String verifier = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            String challenge = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                    java.security.MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
            URI authorize = URI.create(realm + "/protocol/openid-connect/auth?client_id=studio-web&response_type=code&scope=openid"
                    + "&state=bench&code_challenge_method=S256&code_challenge=" + challenge + "&redirect_uri=" + enc(redirect));
            HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
            Map<String, Map<String, String>> jar = new ConcurrentHashMap<>();
            HttpResponse<String> page = browse(http, jar, "GET", authorize, null);
            Matcher action = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"").matcher(page.body());
            if (!action.find()) throw new IllegalStateException("no Keycloak login form at " + page.uri());
            URI post = URI.create(action.group(1).replace("&amp;", "&"));
            String cookies = String.join("; ", jar.getOrDefault(post.getAuthority(), Map.of()).entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).toList());
            HttpResponse<String> back = http.send(HttpRequest.newBuilder(post).header("Cookie", cookies)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + enc(user) + "&password=demo&credentialId=")).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(back.headers().firstValue("location").orElse(""));
            if (!code.find()) throw new IllegalStateException("Keycloak signed " + user + " in without a code: " + back.statusCode());
            return "grant_type=authorization_code&client_id=studio-web&client_secret=studio-web-secret&code=" + code.group(1)
                    + "&code_verifier=" + verifier + "&redirect_uri=" + enc(redirect);
        } catch (Exception e) {
            throw new IllegalStateException("signing " + user + " in failed", e);
        }
    }

    /**
     * Signs in through the real Keycloak login page like a browser (following redirects by hand, with a cookie jar
     * per host: the JDK's CookieManager mangles "localhost") and prints the Studio session's Cookie header for wrk.
     */
    static String login(String studio, String user) throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        Map<String, Map<String, String>> jar = new ConcurrentHashMap<>();
        HttpResponse<String> page = browse(http, jar, "GET", URI.create(studio + "/"), null);
        Matcher action = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"").matcher(page.body());
        if (!action.find()) throw new IllegalStateException("no Keycloak login form at " + page.uri());
        browse(http, jar, "POST", URI.create(action.group(1).replace("&amp;", "&")),
                "username=" + enc(user) + "&password=demo&credentialId=");
        Map<String, String> session = jar.getOrDefault(URI.create(studio).getAuthority(), Map.of());
        if (session.keySet().stream().noneMatch(k -> k.startsWith("q_session"))) throw new IllegalStateException("login failed for " + user);
        List<String> parts = new ArrayList<>();
        session.forEach((k, v) -> parts.add(k + "=" + v));
        return String.join("; ", parts);
    }

    /** One request and the redirects after it, keeping each host's cookies. */
    static HttpResponse<String> browse(HttpClient http, Map<String, Map<String, String>> jar, String method, URI uri, String form)
            throws Exception {
        for (int hop = 0; hop < 10; hop++) {
            Map<String, String> cookies = jar.computeIfAbsent(uri.getAuthority(), k -> new ConcurrentHashMap<>());
            HttpRequest.Builder b = HttpRequest.newBuilder(uri);
            if (!cookies.isEmpty()) {
                List<String> pairs = new ArrayList<>();
                cookies.forEach((k, v) -> pairs.add(k + "=" + v));
                b.header("Cookie", String.join("; ", pairs));
            }
            if ("POST".equals(method)) b.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form));
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            for (String set : r.headers().allValues("set-cookie")) {
                String pair = set.split(";", 2)[0];
                int eq = pair.indexOf('=');
                if (eq > 0) cookies.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
            String location = r.headers().firstValue("location").orElse(null);
            if (r.statusCode() / 100 != 3 || location == null) return r;
            uri = uri.resolve(location);
            method = "GET";
        }
        throw new IllegalStateException("too many redirects");
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------ the synthetic organisation

    /**
     * 1,000 milestones x scale, each requiring 20 features delivered by 5 sprints, 5 to 8 gates; 40 pieces of
     * evidence per sprint (lifecycle events, checkpoints, a trace matrix, a QA report, execution metadata) plus gate
     * signals: 200,000 items x scale. Deterministic (seeded): a replay posts exactly the same bodies.
     */
    static final class Organisation {
        final String studio;
        final Tokens tokens;
        final int milestones;
        final int concurrency;
        final Path out;
        final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        final AtomicLong ok = new AtomicLong();
        final AtomicLong replayed = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        final List<String> failures = Collections.synchronizedList(new ArrayList<>());
        final ConcurrentHashMap<Long, AtomicInteger> perSecond = new ConcurrentHashMap<>();
        final boolean batched;
        static final Pattern REPLAYED = Pattern.compile("\"replayed\":(\\d+)");

        Organisation(Map<String, String> opt) {
            studio = opt.get("studio");
            tokens = new Tokens(opt.get("keycloak"));
            milestones = Math.max(10, (int) Math.round(1000 * Double.parseDouble(opt.getOrDefault("scale", "1"))));
            concurrency = Integer.parseInt(opt.getOrDefault("concurrency", "16"));
            out = Path.of(opt.getOrDefault("out", "target/bench/load.json"));
            batched = !"single".equals(opt.getOrDefault("mode", "batch"));
        }

        void load(boolean replay) throws Exception {
            long t0 = System.nanoTime();
            if (!replay) importDefinitions();
            long t1 = System.nanoTime();
            ingestEvidence();
            long t2 = System.nanoTime();
            write(replay, (t1 - t0) / 1e9, (t2 - t1) / 1e9);
        }

        void importDefinitions() throws Exception {
            for (int from = 0; from < milestones; from += 10) {
                String yaml = definitions(from, Math.min(milestones, from + 10));
                HttpResponse<String> r = post("/api/definitions", "application/yaml", yaml, null);
                if (r.statusCode() != 200) throw new IllegalStateException("definitions import failed: " + r.body());
            }
        }

        String definitions(int from, int to) {
            StringBuilder y = new StringBuilder("milestones:\n");
            for (int m = from; m < to; m++) milestone(y, m);
            y.append("sprints:\n");
            for (int m = from; m < to; m++) for (int s = 0; s < 5; s++) {
                y.append("  - id: ").append(sprint(m, s)).append("\n    name: Sprint ").append(s + 1).append(" of ").append(ms(m))
                        .append("\n    goal: Deliver slice ").append(s + 1).append("\n    includes:\n      - Milestone: ").append(ms(m))
                        .append("\n      - Features: [");
                for (int f = 0; f < 4; f++) y.append(f == 0 ? "" : ", ").append(feature(m, s * 4 + f));
                y.append("]\n");
            }
            y.append("features:\n");
            for (int m = from; m < to; m++) for (int f = 0; f < 20; f++) {
                y.append("  - featureId: ").append(feature(m, f)).append("\n    title: Feature ").append(f).append(" of ").append(ms(m))
                        .append("\n    priority: P").append(f % 4).append("\n    requiredBy: milestone:").append(ms(m))
                        .append("\n    estimatedEffort: ").append(1 + f % 5).append('\n');
                if (f > 0) y.append("    dependsOn: ").append(feature(m, f - 1)).append('\n');
            }
            return y.toString();
        }

        void milestone(StringBuilder y, int m) {
            y.append("  - id: ").append(ms(m)).append("\n    name: Milestone ").append(m).append("\n    phase: ")
                    .append(List.of("Foundation", "CoreFeature", "Validation", "Expansion", "Polish").get(m % 5))
                    .append("\n    owner: team-").append(m % 40).append("\n    governedBy: product-owner\n    versionTag: v")
                    .append(m).append(".0.0\n    labels: [team-").append(m % 40).append(", wave-").append(m % 7).append("]\n")
                    .append("    requiredFeatures: [");
            for (int f = 0; f < 20; f++) y.append(f == 0 ? "" : ", ").append(feature(m, f));
            y.append("]\n    gateConditions:\n      - allSprintsClosed\n      - qaCoverageAbove: ").append(80 + m % 10)
                    .append("\n      - traceMatrixComplete\n      - noManualOverridesActive\n      - allTestsPass\n");
            if (m % 4 >= 1) y.append("      - securityValidated\n");
            if (m % 4 >= 2) y.append("      - manualApproval: qa-lead\n");
            if (m % 4 == 3) y.append("      - resilienceScoreAbove: 80\n");
        }

        /** The evidence stream, milestone by milestone; workers take whole milestones so locks rarely collide. */
        void ingestEvidence() throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(concurrency);
            AtomicInteger next = new AtomicInteger();
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < concurrency; w++) {
                done.add(pool.submit(() -> {
                    for (int m = next.getAndIncrement(); m < milestones; m = next.getAndIncrement()) evidence(m);
                    return null;
                }));
            }
            for (Future<?> f : done) f.get();
            pool.shutdown();
        }

        /** One input of the stream: what a single call would send (sprint only for the sprint-scoped paths). */
        record Item(String kind, String sprintId, String contentType, String body) {
            String path() {
                return switch (kind) {
                    case "event" -> "/api/events";
                    case "executions" -> "/api/executions";
                    default -> "/api/sprints/" + sprintId + "/" + kind;
                };
            }

            /** The item as a line of POST /api/evidence/batch (a markdown body as a JSON string). */
            String line() {
                StringBuilder l = new StringBuilder("{\"kind\":\"").append(kind).append('"');
                if (!kind.equals("event") && !kind.equals("executions")) l.append(",\"sprintId\":\"").append(sprintId).append('"');
                if (contentType.startsWith("text/")) {
                    l.append(",\"contentType\":\"").append(contentType).append("\",\"body\":\"")
                            .append(body.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")).append('"');
                } else {
                    l.append(",\"body\":").append(body);
                }
                return l.append('}').toString();
            }
        }

        /** A milestone's evidence, a sprint at a time: as one batch per sprint, or (--mode single) a call per item. */
        void evidence(int m) {
            Random r = new Random(m);
            Instant base = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(3600L * m);
            for (int s = 0; s < 5; s++) {
                List<Item> items = new ArrayList<>();
                String id = sprint(m, s);
                Instant t = base.plusSeconds(600L * s);
                items.add(event("{\"event\":\"SprintPlanned\",\"sprintId\":\"" + id + "\",\"milestone\":\"" + ms(m) + "\",\"traceId\":\"trace-" + m
                        + "\",\"timestamp\":\"" + t + "\"}"));
                items.add(event("{\"event\":\"SprintStarted\",\"sprintId\":\"" + id + "\",\"timestamp\":\"" + t.plusSeconds(10) + "\"}"));
                for (int c = 0; c < 6; c++) {
                    items.add(event("{\"event\":\"SprintCheckpoint\",\"sprintId\":\"" + id + "\",\"timestamp\":\"" + t.plusSeconds(20 + c) + "\"}"));
                }
                items.add(new Item("trace-matrix", id, "application/json", matrix(m, s, r)));
                items.add(new Item("qa-report", id, "text/markdown", qa(m, s, r)));
                for (int e = 0; e < 29; e++) items.add(new Item("executions", id, "application/json", execution(m, s, e, t.plusSeconds(40 + e))));
                boolean blocked = (m * 5 + s) % 20 == 7;
                items.add(event("{\"event\":\"" + (blocked ? "SprintBlocked" : "SprintClosed") + "\",\"sprintId\":\"" + id
                        + "\",\"traceId\":\"trace-" + m + "\",\"timestamp\":\"" + t.plusSeconds(500) + "\""
                        + (blocked ? ",\"reason\":\"dependency not ready\"" : "") + "}"));
                if (s == 4 && m % 4 >= 1) {
                    items.add(event("{\"event\":\"GateSignal\",\"milestoneId\":\"" + ms(m) + "\",\"gate\":\"securityValidated\",\"status\":\""
                            + (m % 9 == 0 ? "fail" : "pass") + "\",\"detail\":\"scan " + m + "\",\"timestamp\":\"" + base.plusSeconds(3500) + "\"}"));
                }
                if (batched) sendBatch(items);
                else items.forEach(i -> send(i.path(), i.contentType(), i.body(), 1));
            }
        }

        static Item event(String json) {
            return new Item("event", null, "application/json", json);
        }

        void sendBatch(List<Item> items) {
            StringBuilder body = new StringBuilder();
            for (Item i : items) body.append(i.line()).append('\n');
            send("/api/evidence/batch", "application/x-ndjson", body.toString(), items.size());
        }

        /**
         * Single calls only, for --seconds: new execution metadata for the loaded sprints, one record per call, each
         * re-judging the milestones its sprint feeds (what a CI step reporting one execution costs).
         */
        void singles(int seconds) throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(concurrency);
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            AtomicLong n = new AtomicLong();
            List<Future<?>> done = new ArrayList<>();
            long t0 = System.nanoTime();
            for (int w = 0; w < concurrency; w++) {
                done.add(pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        long k = n.getAndIncrement();
                        int m = (int) (k % milestones), s = (int) (k / milestones % 5);
                        send("/api/executions", "application/json", execution(m, s, 1000 + (int) (k / (5L * milestones)),
                                Instant.parse("2026-06-01T00:00:00Z").plusSeconds(k)), 1);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) f.get();
            pool.shutdown();
            double took = (System.nanoTime() - t0) / 1e9;
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, String.format(Locale.ROOT, "{\"calls\":%d,\"ok\":%d,\"failed\":%d,\"seconds\":%.1f,\"rate\":%.1f,\"failures\":%s}%n",
                    ok.get() + failed.get(), ok.get(), failed.get(), took, (ok.get() + failed.get()) / took, json(failures)));
        }

        String matrix(int m, int s, Random r) {
            StringBuilder j = new StringBuilder("{\"sprint_id\":\"" + sprint(m, s) + "\",\"milestone_id\":\"" + ms(m)
                    + "\",\"trace_id\":\"trace-" + m + "\",\"features\":[");
            for (int f = 0; f < 4; f++) {
                int tests = 3 + r.nextInt(15);
                j.append(f == 0 ? "" : ",").append("{\"id\":\"").append(feature(m, s * 4 + f)).append("\",\"tests\":[");
                for (int t = 0; t < tests; t++) j.append(t == 0 ? "" : ",").append("\"T").append(t).append(".cs\"");
                j.append("],\"artifacts\":[\"Handler").append(f).append(".cs\"],\"commits\":[\"c").append(m).append(s).append(f)
                        .append("\"],\"coverage\":\"").append(75 + r.nextInt(25)).append("%\"}");
            }
            return j.append("]}").toString();
        }

        String qa(int m, int s, Random r) {
            StringBuilder md = new StringBuilder("## QA Validation Summary — " + sprint(m, s) + "\n");
            for (int f = 0; f < 4; f++) md.append("- ").append(feature(m, s * 4 + f)).append(": ")
                    .append(String.format(Locale.ROOT, "%.1f", 78 + r.nextDouble() * 21)).append("%\n");
            md.append("- Tests passed: ").append(40 + r.nextInt(60)).append("\n- Tests failed: ").append(r.nextInt(10) == 0 ? 1 : 0).append('\n');
            return md.toString();
        }

        String execution(int m, int s, int e, Instant at) {
            return "{\"traceId\":\"trace-" + m + "\",\"sprintId\":\"" + sprint(m, s) + "\",\"featureId\":\"" + feature(m, s * 4 + e % 4)
                    + "\",\"agentId\":\"agent-" + e % 5 + "\",\"skillId\":\"Skill" + e + "\",\"status\":\"Success\",\"durationMs\":"
                    + (100 + e) + ",\"artifact\":\"File" + e + ".cs\",\"timestamp\":\"" + at + "\"}";
        }

        /** One call carrying {@code items} inputs; a batch counts its lines, and its replayed lines from the answer. */
        void send(String path, String type, String body, int items) {
            try {
                HttpResponse<String> r = post(path, type, body, null);
                perSecond.computeIfAbsent(System.currentTimeMillis() / 1000, k -> new AtomicInteger()).addAndGet(items);
                if (r.statusCode() / 100 == 2) {
                    ok.addAndGet(items);
                    if (r.headers().firstValue("Idempotent-Replayed").isPresent()) replayed.incrementAndGet();
                    Matcher again = REPLAYED.matcher(r.body());
                    if (items > 1 && again.find()) replayed.addAndGet(Integer.parseInt(again.group(1)));
                } else {
                    failed.addAndGet(items);
                    if (failures.size() < 20) failures.add(r.statusCode() + " " + path + ": " + r.body());
                }
            } catch (Exception e) {
                failed.incrementAndGet();
                if (failures.size() < 20) failures.add(path + ": " + e);
            }
        }

        HttpResponse<String> post(String path, String type, String body, String key) throws IOException, InterruptedException {
            // a definitions document of 100 milestones is one large transaction: give it far longer than one event
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(studio + path))
                    .timeout(Duration.ofSeconds(path.equals("/api/definitions") ? 1800 : 60))
                    .header("Authorization", "Bearer " + tokens.token("ci")).header("Content-Type", type)
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (key != null) b.header("Idempotency-Key", key);
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        }

        /** Throughput over the best and the worst 60 s window of the steady part (first and last 5 s dropped). */
        void write(boolean replay, double defSeconds, double ingestSeconds) throws IOException {
            List<Long> seconds = new ArrayList<>(perSecond.keySet());
            Collections.sort(seconds);
            double best = 0, worst = Double.MAX_VALUE;
            int window = 60;
            if (seconds.size() > window + 10) {
                long start = seconds.get(0) + 5, end = seconds.get(seconds.size() - 1) - 5;
                for (long s = start; s + window <= end; s++) {
                    long sum = 0;
                    for (long k = s; k < s + window; k++) sum += perSecond.getOrDefault(k, new AtomicInteger()).get();
                    best = Math.max(best, sum / (double) window);
                    worst = Math.min(worst, sum / (double) window);
                }
            } else {
                best = worst = (ok.get() + failed.get()) / Math.max(ingestSeconds, 0.001);
            }
            Files.createDirectories(out.toAbsolutePath().getParent());
            try (PrintStream p = new PrintStream(Files.newOutputStream(out), true, StandardCharsets.UTF_8)) {
                p.printf(Locale.ROOT, "{\"replay\":%b,\"milestones\":%d,\"items\":%d,\"ok\":%d,\"replayed\":%d,\"failed\":%d,"
                                + "\"definitions_seconds\":%.1f,\"ingest_seconds\":%.1f,\"rate_avg\":%.1f,\"rate_best_60s\":%.1f,"
                                + "\"rate_worst_60s\":%.1f,\"failures\":%s}%n",
                        replay, milestones, ok.get() + failed.get(), ok.get(), replayed.get(), failed.get(), defSeconds, ingestSeconds,
                        (ok.get() + failed.get()) / Math.max(ingestSeconds, 0.001), best, worst == Double.MAX_VALUE ? 0 : worst,
                        json(failures));
            }
        }

        static String ms(int m) {
            return String.format("bm-%04d", m);
        }

        static String sprint(int m, int s) {
            return String.format("bs-%04d-%d", m, s);
        }

        static String feature(int m, int f) {
            return String.format("bf-%04d-%02d", m, f);
        }
    }

    // ------------------------------------------------------------------ concurrent decisions

    /**
     * N concurrent approvers decide the same override request, R rounds: each round must record exactly one
     * decision and answer 409 to everyone else.
     */
    static final class Race {
        final String studio;
        final Tokens tokens;
        final int approvers;
        final int rounds;
        final Path out;
        final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        Race(Map<String, String> opt) {
            studio = opt.get("studio");
            tokens = new Tokens(opt.get("keycloak"));
            approvers = Integer.parseInt(opt.getOrDefault("approvers", "50"));
            rounds = Integer.parseInt(opt.getOrDefault("rounds", "200"));
            out = Path.of(opt.getOrDefault("out", "target/bench/approvals.json"));
        }

        void run() throws Exception {
            StringBuilder yaml = new StringBuilder("milestones:\n");
            for (int i = 0; i < rounds; i++) {
                yaml.append("  - id: race-").append(i).append("\n    gateConditions: [securityValidated]\n    approvalRoles: [qa-lead]\n");
            }
            check(call("POST", "/api/definitions", "application/yaml", yaml.toString(), "ci"), 200);
            ExecutorService pool = Executors.newFixedThreadPool(approvers);
            int good = 0;
            List<String> bad = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                String m = "race-" + i;
                check(call("POST", "/api/events", "application/json", "{\"event\":\"GateSignal\",\"milestoneId\":\"" + m
                        + "\",\"gate\":\"securityValidated\",\"status\":\"fail\"}", "ci"), 201);
                check(call("POST", "/api/milestones/" + m + "/evaluate", "application/json", "{}", "product-owner"), 200);
                String created = check(call("POST", "/api/milestones/" + m + "/overrides", "application/json",
                        "{\"gates\":[\"securityValidated\"],\"reason\":\"race " + i + "\"}", "product-owner"), 201);
                long id = Long.parseLong(created.replaceAll("(?s).*\"override_id\":(\\d+).*", "$1"));
                int[] codes = decideTogether(pool, id);
                int approved = 0, conflicts = 0;
                for (int c : codes) {
                    if (c == 200) approved++;
                    else if (c == 409) conflicts++;
                }
                if (approved == 1 && conflicts == approvers - 1) good++;
                else if (bad.size() < 10) bad.add("round " + i + ": " + approved + " approvals, " + conflicts + " conflicts");
            }
            pool.shutdown();
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, String.format(Locale.ROOT, "{\"approvers\":%d,\"rounds\":%d,\"rounds_exactly_one\":%d,\"problems\":%s}%n",
                    approvers, rounds, good, json(bad)));
        }

        int[] decideTogether(ExecutorService pool, long id) throws Exception {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> futures = new ArrayList<>();
            for (int a = 0; a < approvers; a++) {
                String user = a % 2 == 0 ? "qa-lead" : "qa-lead-2";
                String token = tokens.token(user);
                futures.add(pool.submit(() -> {
                    go.await();
                    return http.send(HttpRequest.newBuilder(URI.create(studio + "/api/overrides/" + id + "/approve"))
                            .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"race\"}")).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode();
                }));
            }
            go.countDown();
            int[] codes = new int[approvers];
            for (int i = 0; i < approvers; i++) codes[i] = futures.get(i).get();
            return codes;
        }

        HttpResponse<String> call(String method, String path, String type, String body, String user) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(studio + path)).header("Authorization", "Bearer " + tokens.token(user))
                    .header("Content-Type", type).method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        static String check(HttpResponse<String> r, int expected) {
            if (r.statusCode() != expected) throw new IllegalStateException(r.uri() + " answered " + r.statusCode() + ": " + r.body());
            return r.body();
        }
    }

    static String json(List<String> items) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < items.size(); i++) {
            b.append(i == 0 ? "" : ",").append('"').append(items.get(i).replace("\\", "\\\\").replace("\"", "\\\"")
                    .replace("\n", " ")).append('"');
        }
        return b.append(']').toString();
    }

    private Driver() {
    }
}
