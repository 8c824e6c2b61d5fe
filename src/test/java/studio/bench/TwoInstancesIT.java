package studio.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import studio.outbound.Receiver;
import studio.testing.Keycloak;
import studio.testing.PackagedStudio;
import studio.testing.ScratchDatabases;

/**
 * Two Studio instances on one PostgreSQL, as behind a load balancer: every milestone's evidence alternates between
 * them request by request, four milestones at a time, while both run their timers (gate timeouts every second,
 * 2 s timeout) and sign audit checkpoints every second. One method per property, so more (the webhook outbox) can be
 * added the same way.
 */
class TwoInstancesIT {

    static final int MILESTONES = 12;
    static final ObjectMapper JSON = new ObjectMapper();
    static final Map<String, String> ENV = Map.ofEntries(Map.entry("STUDIO_DEFAULTS_GATE_TIMEOUT_SECONDS", "2"),
            Map.entry("STUDIO_TIMERS_EVERY", "1s"), Map.entry("STUDIO_AUDIT_CHECKPOINT_EVERY", "1s"),
            Map.entry("STUDIO_WEBHOOKS_RETRY_INITIAL_DELAY", "300ms"), Map.entry("STUDIO_WEBHOOKS_RETRY_MAX_DELAY", "600ms"),
            Map.entry("STUDIO_WEBHOOKS_RETRY_JITTER", "0"),
            // both instances read the directory, sweep for notices and send email every second, to the tests' mail catcher
            Map.entry("STUDIO_NOTIFICATIONS_SWEEP_EVERY", "1s"), Map.entry("STUDIO_NOTIFICATIONS_EMAIL_EVERY", "1s"),
            Map.entry("QUARKUS_MAILER_PORT", System.getenv().getOrDefault("STUDIO_TEST_SMTP_PORT", "21025")));
    /** The subscriber refuses its first deliveries, so both instances' workers also retry. */
    static final int REFUSED = 3;

    static String url;
    static PackagedStudio a;
    static PackagedStudio b;
    static Receiver receiver;
    static int sent;
    static List<String> failures = new ArrayList<>();

    @BeforeAll
    static void twoInstancesTakeTheStream() throws Exception {
        url = ScratchDatabases.fresh("studio_it_two");
        // one deployment signs with one key on every instance (README): A generates it, B reads the same file
        Map<String, String> env = new java.util.HashMap<>(ENV);
        env.put("STUDIO_SIGNING_KEY_FILE", java.nio.file.Files.createTempDirectory("studio-it-two-keys").resolve("key.pem").toString());
        a = PackagedStudio.start(url, env);
        assertTrue(a.ready(), "instance A did not start:\n" + a.log());
        b = PackagedStudio.start(url, env);   // after A: Flyway migrates once
        assertTrue(b.ready(), "instance B did not start:\n" + b.log());
        receiver = Receiver.start().failFirst(REFUSED);
        subscribe(a.baseUrl());
        String token = Keycloak.token("ci");
        assertEquals(200, SmallOrganisation.send(a.baseUrl(), token,
                new SmallOrganisation.Post("/api/definitions", "application/yaml", SmallOrganisation.definitions(MILESTONES))));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (int m = 0; m < MILESTONES; m++) {
            int milestone = m;
            done.add(pool.submit(() -> stream(milestone, token)));
        }
        for (Future<?> f : done) f.get();
        pool.shutdown();
        settle();
    }

    /** A platform admin subscribes the test receiver through instance A; both instances deliver to it. */
    private static void subscribe(String baseUrl) throws Exception {
        var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl + "/api/webhooks"))
                .header("Authorization", "Bearer " + Keycloak.token("platform-admin")).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"url\":\"" + receiver.url() + "\"}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(201, response.statusCode(), response.body());
        receiver.secret(JSON.readTree(response.body()).path("secret").asText());
    }

    /** Verifying -> Blocked -> Escalated by the timers of either instance: wait until no milestone is still due. */
    private static void settle() throws Exception {
        for (int i = 0; i < 60 && ScratchDatabases.count(url, "select count(*) from milestone where state in ('verifying', 'blocked')"
                + " and state_since < now() - interval '4 seconds'") > 0; i++) {
            Thread.sleep(1_000);
        }
        Thread.sleep(3_000);   // a few more ticks of both timers, which must find nothing left to do
        // the escalated milestones' governors are told: wait until every notice's email went out
        for (int i = 0; i < 30 && (ScratchDatabases.count(url, "select count(*) from notification") == 0
                || ScratchDatabases.count(url, "select count(*) from notification where email_status = 'pending'") > 0); i++) {
            Thread.sleep(1_000);
        }
        Thread.sleep(2_000);   // more sweeps of both instances, which must find nothing new to tell
    }

    private static void stream(int m, String token) {
        List<SmallOrganisation.Post> posts = SmallOrganisation.evidence(m);
        for (int i = 0; i < posts.size(); i++) {
            PackagedStudio to = i % 2 == 0 ? a : b;
            int status = SmallOrganisation.send(to.baseUrl(), token, posts.get(i));
            synchronized (failures) {
                sent++;
                if (status / 100 != 2) failures.add(status + " " + posts.get(i).path());
            }
        }
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (a != null) a.close();
        if (b != null) b.close();
        if (receiver != null) receiver.close();
    }

    /**
     * One outbox message per milestone or release event, none lost or doubled; each delivered exactly once though both
     * instances' workers ran (no crash, so no lease ran out), signed; the refused deliveries were retried once each.
     */
    @Test
    void everyOutboxMessageDeliveredOnceAcrossInstances() throws Exception {
        long exported = ScratchDatabases.count(url, "select count(*) from audit_event where type like 'Milestone%' or type like 'Release%'");
        assertEquals(exported, ScratchDatabases.count(url, "select count(*) from outbox"), "one outbox message per event");
        assertEquals(exported, ScratchDatabases.count(url, "select count(distinct audit_seq) from outbox"), "no event twice in the outbox");
        assertTrue(Receiver.await(java.time.Duration.ofSeconds(60), () -> receiver.accepted().size() >= exported),
                "delivered " + receiver.accepted().size() + " of " + exported);
        Thread.sleep(2_000);   // a late duplicate would arrive now
        List<String> ids = receiver.accepted().stream().map(e -> e.id()).toList();
        assertEquals(exported, ids.size(), "each message delivered once");
        assertEquals(exported, ids.stream().distinct().count(), "no message delivered twice");
        assertTrue(receiver.arrivals().stream().allMatch(r -> r.signature() == studio.outbound.WebhookSignature.Verification.VALID));
        assertEquals(exported + REFUSED, receiver.arrivals().size(), "each refused delivery retried once, nothing else repeated");
    }

    @Test
    void everyRequestWasTakenAndStoredOnce() throws SQLException {
        assertEquals(List.of(), failures, "every request answered 2xx by the instance it reached");
        assertEquals(sent, ScratchDatabases.count(url, "select count(*) from evidence"), "one evidence row per request");
    }

    /** Each transition event starts where the previous one of its milestone ended: none was emitted twice. */
    @Test
    void noMilestoneEventEmittedTwice() throws Exception {
        Map<String, String> state = new HashMap<>();
        int transitions = 0;
        for (String[] e : rows("select subject_id, payload from audit_event where subject_type = 'milestone' and type like 'Milestone%'"
                + " and payload like '%\"from\":%' order by seq")) {
            JsonNode p = JSON.readTree(e[1]);
            String expected = state.getOrDefault(e[0], "planned");
            assertEquals(expected, p.path("from").asText(), e[0] + ": transition " + p + " does not start where the last ended");
            state.put(e[0], p.path("to").asText());
            transitions++;
        }
        assertTrue(transitions >= MILESTONES, "every milestone moved at least once: " + transitions);
        assertEquals(Long.valueOf(MILESTONES), ScratchDatabases.count(url, "select count(*) from milestone where state <> 'planned'"));
    }

    /** The odd milestones' failed scan keeps them from Reached: each was escalated by a timer, exactly once. */
    @Test
    void gateTimeoutsFireOncePerDueMilestone() throws Exception {
        for (String[] e : rows("select id, (select count(*) from audit_event a where a.subject_type = 'milestone' and a.subject_id = m.id"
                + " and a.type = 'MilestoneEscalated')::text from milestone m order by id")) {
            assertTrue(Integer.parseInt(e[1]) <= 1, e[0] + " escalated " + e[1] + " times");
        }
        // A milestone escalated while Pending (its sprints overdue) may go on to Reached once they close: count every
        // milestone ever escalated, not only those escalated now.
        long escalated = ScratchDatabases.count(url, "select count(distinct subject_id) from audit_event where subject_type = 'milestone'"
                + " and type = 'MilestoneEscalated'");
        assertTrue(escalated > 0, "some milestone was due and escalated");
        assertTrue(ScratchDatabases.count(url, "select count(*) from milestone where state = 'escalated'") <= escalated);
        assertEquals(escalated, ScratchDatabases.count(url, "select count(*) from audit_event where type = 'MilestoneEscalated'"),
                "one escalation event per escalated milestone");
    }

    /** Both instances sign every second; each head is signed once, and checkpoints only move forward. */
    @Test
    void eachCheckpointSignedOnce() throws SQLException {
        // One statement, one snapshot: both instances are still signing while this runs.
        assertTrue(ScratchDatabases.count(url, "select count(*) from audit_checkpoint") > 0, "checkpoints were signed");
        assertEquals(0L, ScratchDatabases.count(url, "select count(*) - count(distinct head_hash) from audit_checkpoint"),
                "no head is signed twice");
        assertEquals(0L, ScratchDatabases.count(url, "select count(*) from (select seq, lag(seq) over (order by signed_at, seq) prev"
                + " from audit_checkpoint) c where prev >= seq"), "a later checkpoint never signs an older head");
    }

    /** Both instances sweep every second: each escalated milestone's governors are told once, and each email is sent once. */
    @Test
    void everyNoticeToldAndEmailedOnceAcrossInstances() throws Exception {
        // Every milestone escalated now had its governors told; one escalated while Pending may have moved on before a
        // sweep saw it, so those told lie between the milestones escalated now and those ever escalated.
        long escalatedNow = ScratchDatabases.count(url, "select count(*) from milestone m where m.state = 'escalated' and not exists ("
                + "select 1 from notification n where n.milestone_id = m.id and n.event = 'DecisionNeeded' and n.topic like 'stuck-%')");
        assertEquals(0L, escalatedNow, "every escalated milestone's governors were told");
        long ever = ScratchDatabases.count(url, "select count(distinct subject_id) from audit_event where subject_type = 'milestone'"
                + " and type = 'MilestoneEscalated'");
        assertTrue(ScratchDatabases.count(url, "select count(distinct milestone_id) from notification where event = 'DecisionNeeded'"
                + " and topic like 'stuck-%'") <= ever, "nobody was told of a milestone that was never escalated");
        assertEquals(0L, ScratchDatabases.count(url, "select count(*) from (select payload::jsonb ->> 'topic', payload::jsonb ->> 'event'"
                + " from audit_event where type = 'NotificationDispatched' and payload::jsonb ->> 'channel' = 'studio'"
                + " group by 1, 2 having count(*) > 1) twice"), "a notice recorded as told twice");
        long emailed = ScratchDatabases.count(url, "select count(*) from notification where email_status = 'sent'");
        assertTrue(emailed > 0, "emails were sent");
        assertEquals(emailed, ScratchDatabases.count(url, "select count(distinct payload::jsonb ->> 'notification_id') from audit_event"
                + " where type = 'NotificationDispatched' and payload::jsonb ->> 'channel' = 'email' and payload::jsonb ->> 'outcome' = 'sent'"));
        assertEquals(emailed, ScratchDatabases.count(url, "select count(*) from audit_event where type = 'NotificationDispatched'"
                + " and payload::jsonb ->> 'channel' = 'email' and payload::jsonb ->> 'outcome' = 'sent'"), "an email sent twice");
        for (String[] n : rows("select recipient || ' ' || topic, (select email from person p where p.name = n.recipient)"
                + " from notification n where email_status = 'sent'")) {
            String topic = n[0].substring(n[0].indexOf(' ') + 1);
            long received = studio.testing.MailCatcher.to(n[1]).stream()
                    .filter(m -> topic.equals(studio.testing.MailCatcher.header(m, "X-Studio-Topic"))).count();
            assertEquals(1, received, n[0] + " arrived " + received + " times");
        }
    }

    @Test
    void theAuditChainIsValid() throws Exception {
        JsonNode verdict = JSON.readTree(SmallOrganisation.get(b.baseUrl(), Keycloak.token("auditor"), "/api/audit/verify"));
        assertTrue(verdict.path("valid").asBoolean(), verdict.toString());
    }

    static List<String[]> rows(String sql) throws SQLException {
        List<String[]> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, "studio", "studio"); ResultSet r = c.createStatement().executeQuery(sql)) {
            while (r.next()) out.add(new String[] {r.getString(1), r.getString(2)});
        }
        return out;
    }
}
