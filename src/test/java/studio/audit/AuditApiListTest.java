package studio.audit;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static studio.audit.TestIdentities.asTestIdentity;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studio.audit.AuditEntry.Subject;
import studio.audit.AuditTrailFixture.Written;
import studio.governance.Roles;

/** GET /api/audit: newest first, keyset pages that add up to exactly the filtered trail, and its 400s. */
@QuarkusTest
@TestSecurity(user = "reader", roles = Roles.DOMAIN_ARCHITECT)
class AuditApiListTest {

    private static final int EVENTS = 55;

    @Inject
    AuditLog log;

    private AuditTrailFixture trail;

    @BeforeEach
    void freshTrail() {
        AuditDatabase.reset();
        trail = new AuditTrailFixture(log).varied(EVENTS);
    }

    @Test
    void eachEventCarriesTheStoredRowNewestFirst() {
        JsonNode events = page(Map.of("limit", "3")).get("events");
        JsonNode newest = events.get(0);
        Written last = trail.written().get(EVENTS - 1);
        assertAll(
                () -> assertEquals(List.of(55L, 54L, 53L), seqs(events)),
                () -> assertEquals(last.actor().name(), newest.get("actor").asText()),
                () -> assertEquals(last.type(), newest.get("type").asText()),
                () -> assertEquals(AuditDatabase.text("select hash from audit_event where seq = 55"), newest.get("hash").asText()),
                () -> assertEquals(AuditDatabase.text("select hash from audit_event where seq = 54"), newest.get("prev_hash").asText()),
                () -> assertEquals("trace-55", newest.get("trace_id").asText()),
                () -> assertEquals(54, newest.get("payload").get("i").asInt()),
                () -> assertTrue(newest.get("occurred_at").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z")));
    }

    @Test
    void subjectsAndRolesAreListedAsRecorded() {
        Map<Long, JsonNode> bySeq = bySeq(walk(Map.of(), 200));
        JsonNode sprintEvent = bySeq.get(3L); // i = 2: sprint s1 by ci-bot
        JsonNode bobs = bySeq.get(2L);        // i = 1: milestone m2 by bob
        JsonNode studios = bySeq.get(20L);    // i = 19: by Studio itself (no roles), about Studio
        assertAll(
                () -> assertEquals("sprint", sprintEvent.get("subject_type").asText()),
                () -> assertEquals("s1", sprintEvent.get("subject_id").asText()),
                () -> assertEquals(List.of("auditor", "qa-lead"), texts(bobs.get("actor_roles"))),
                () -> assertEquals("studio", studios.get("actor").asText()),
                () -> assertEquals("system", studios.get("subject_type").asText()),
                () -> assertTrue(studios.get("subject_id").isNull()),
                () -> assertEquals(List.of(), texts(studios.get("actor_roles"))));
    }

    @Test
    void walkingEveryPageReturnsEachEventExactlyOnceForEveryFilter() {
        Map<Map<String, String>, Predicate<Written>> filters = new HashMap<>();
        filters.put(Map.of(), w -> true);
        filters.put(Map.of("milestone", "m1"), w -> w.isAbout(Subject.milestone("m1")));
        filters.put(Map.of("milestone", "m2"), w -> w.isAbout(Subject.milestone("m2")));
        filters.put(Map.of("release", "r1"), w -> w.isAbout(Subject.release("r1")));
        filters.put(Map.of("sprint", "s1"), w -> w.isAbout(Subject.sprint("s1")));
        filters.put(Map.of("actor", "bob"), w -> w.actor().name().equals("bob"));
        filters.put(Map.of("role", "auditor"), w -> w.actor().holds(Roles.AUDITOR));
        filters.put(Map.of("role", "ci"), w -> w.actor().holds(Roles.CI));
        filters.put(Map.of("type", "SprintClosed"), w -> w.type().equals("SprintClosed"));
        filters.put(Map.of("milestone", "m1", "actor", "ci-bot", "type", "ReleaseCreated"),
                w -> w.isAbout(Subject.milestone("m1")) && w.actor().name().equals("ci-bot") && w.type().equals("ReleaseCreated"));
        filters.put(Map.of("milestone", "m2", "role", "product-owner"),
                w -> w.isAbout(Subject.milestone("m2")) && w.actor().holds(Roles.PRODUCT_OWNER));
        filters.forEach((query, matches) -> {
            List<Long> expected = trail.newestFirst(matches);
            assertFalse(expected.isEmpty(), "the fixture has events for " + query);
            for (int limit : new int[] {1, 4, 7, 200}) {
                assertEquals(expected, seqs(walk(query, limit)), query + " limit " + limit);
            }
        });
    }

    @Test
    void aFilterNothingMatchesIsOneEmptyLastPage() {
        JsonNode page = page(Map.of("milestone", "m1", "release", "r1"));
        assertAll(
                () -> assertEquals(0, page.get("events").size()),
                () -> assertTrue(page.get("next").isNull()));
        assertEquals(0, page(Map.of("actor", "nobody")).get("events").size());
        assertEquals(0, page(Map.of("milestone", "m3")).get("events").size());
    }

    @Test
    void fromIsInclusiveAndToExclusiveOnOccurredAt() {
        List<JsonNode> all = walk(Map.of(), 200);
        Instant from = occurredAt(all, 20);
        Instant to = occurredAt(all, 40);
        List<Long> expected = seqsWhere(all, at -> !at.isBefore(from) && at.isBefore(to));
        assertTrue(expected.contains(20L) && !expected.contains(40L), expected.toString());
        assertEquals(expected, seqs(walk(Map.of("from", from.toString(), "to", to.toString()), 6)));
        assertEquals(seqsWhere(all, at -> !at.isBefore(from)), seqs(walk(Map.of("from", from.toString()), 50)));
        assertEquals(seqsWhere(all, at -> at.isBefore(to)), seqs(walk(Map.of("to", to.toString()), 50)));
    }

    @Test
    void fromAndToAcceptDatesAndOffsets() {
        List<JsonNode> all = walk(Map.of(), 200);
        String dayOfTheOldest = all.get(EVENTS - 1).get("occurred_at").asText().substring(0, 10);
        String newestWithOffset = occurredAt(all.get(0)).atOffset(ZoneOffset.ofHours(2)).toString();
        assertAll(
                () -> assertEquals(EVENTS, walk(Map.of("from", dayOfTheOldest), 200).size()),
                () -> assertEquals(0, walk(Map.of("to", dayOfTheOldest), 200).size()),
                () -> assertEquals(List.of((long) EVENTS), seqs(walk(Map.of("from", newestWithOffset), 200))));
    }

    @Test
    void theDefaultPageIsFiftyAndTheLimitBoundsArePrecise() {
        JsonNode byDefault = page(Map.of());
        assertEquals(50, byDefault.get("events").size());
        assertEquals("6", byDefault.get("next").asText());
        JsonNode exact = page(Map.of("limit", String.valueOf(EVENTS)));
        assertAll(
                () -> assertEquals(EVENTS, exact.get("events").size()),
                () -> assertTrue(exact.get("next").isNull(), "no empty page after a page that ends the trail"));
        JsonNode oneShort = page(Map.of("limit", String.valueOf(EVENTS - 1)));
        assertEquals(EVENTS - 1, oneShort.get("events").size());
        JsonNode rest = page(Map.of("after", oneShort.get("next").asText()));
        assertAll(
                () -> assertEquals(List.of(1L), seqs(rest.get("events"))),
                () -> assertTrue(rest.get("next").isNull()));
        assertEquals(EVENTS, page(Map.of("limit", "200")).get("events").size());
        assertEquals(1, page(Map.of("limit", "1")).get("events").size());
    }

    @Test
    void eventsAppendedWhileWalkingNeitherRepeatNorShiftOlderPages() {
        JsonNode first = page(Map.of("limit", "10"));
        new AuditTrailFixture(log).plain(5);
        List<Long> rest = seqs(walk(Map.of("after", first.get("next").asText()), 10));
        List<Long> seen = new ArrayList<>(seqs(first.get("events")));
        seen.addAll(rest);
        assertEquals(trail.newestFirst(w -> true), seen);
        assertEquals(EVENTS + 5, walk(Map.of(), 10).size());
    }

    @Test
    void aCursorIsJustASeqSoAnyPositionCanBeResumed() {
        assertEquals(List.of(9L, 8L, 7L), seqs(page(Map.of("after", "10", "limit", "3")).get("events")));
        assertEquals(0, page(Map.of("after", "1")).get("events").size());
        assertEquals(EVENTS, page(Map.of("after", "999999", "limit", "200")).get("events").size());
    }

    @Test
    void blankParametersCountAsAbsent() {
        Map<String, String> blanks = Map.of("milestone", "", "actor", " ", "role", "", "from", "", "to", "", "after", "", "limit", "");
        assertEquals(50, page(blanks).get("events").size());
    }

    @Test
    void badParametersAre400NamingEachParameter() {
        assertBad(Map.of("limit", "0"), "limit");
        assertBad(Map.of("limit", "201"), "limit");
        assertBad(Map.of("limit", "-1"), "limit");
        assertBad(Map.of("limit", "ten"), "limit");
        assertBad(Map.of("limit", "1.5"), "limit");
        assertBad(Map.of("after", "abc"), "after");
        assertBad(Map.of("after", "0"), "after");
        assertBad(Map.of("after", "-5"), "after");
        assertBad(Map.of("after", "99999999999999999999"), "after");
        assertBad(Map.of("from", "yesterday"), "from");
        assertBad(Map.of("from", "2025-05-14T18:35:00"), "from");
        assertBad(Map.of("to", "2025-13-01"), "to");
        assertBad(Map.of("to", "+99999-01-01T00:00:00Z"), "to");
        assertBad(Map.of("from", "2025-05-15", "to", "2025-05-14"), "to");
        assertBad(Map.of("from", "2025-05-15", "to", "2025-05-15"), "to");
        assertBad(Map.of("role", "admin"), "role");
    }

    @Test
    void everyBadParameterIsReportedAtOnce() {
        JsonNode errors = bad(Map.of("limit", "0", "after", "x", "from", "soon", "role", "boss"));
        Set<String> paths = new HashSet<>();
        errors.forEach(e -> paths.add(e.get("path").asText()));
        assertEquals(Set.of("limit", "after", "from", "role"), paths);
    }

    private void assertBad(Map<String, String> query, String parameter) {
        JsonNode errors = bad(query);
        assertEquals(1, errors.size(), errors.toString());
        assertEquals(parameter, errors.get(0).get("path").asText(), errors.toString());
        assertTrue(errors.get(0).get("message").asText().startsWith(parameter), errors.toString());
    }

    private static JsonNode bad(Map<String, String> query) {
        String body = asTestIdentity().queryParams(query).when().get("/api/audit")
                .then().statusCode(400).contentType("application/problem+json").extract().asString();
        return read(body).get("errors");
    }

    static JsonNode page(Map<String, String> query) {
        String body = asTestIdentity().queryParams(query).when().get("/api/audit")
                .then().statusCode(200).contentType("application/json").extract().asString();
        return read(body);
    }

    /** Follows {@code next} from the newest page to the last, checking every page's size on the way. */
    static List<JsonNode> walk(Map<String, String> query, int limit) {
        List<JsonNode> events = new ArrayList<>();
        String after = null;
        do {
            Map<String, String> q = new HashMap<>(query);
            q.put("limit", String.valueOf(limit));
            if (after != null) q.put("after", after);
            JsonNode page = page(q);
            page.get("events").forEach(events::add);
            after = page.get("next").isNull() ? null : page.get("next").asText();
            if (after != null) assertEquals(limit, page.get("events").size(), "only the last page may be short");
        } while (after != null);
        return events;
    }

    static List<Long> seqs(Iterable<JsonNode> events) {
        List<Long> seqs = new ArrayList<>();
        events.forEach(e -> seqs.add(e.get("seq").asLong()));
        return seqs;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(t -> texts.add(t.asText()));
        return texts;
    }

    private static Map<Long, JsonNode> bySeq(List<JsonNode> events) {
        Map<Long, JsonNode> bySeq = new HashMap<>();
        events.forEach(e -> bySeq.put(e.get("seq").asLong(), e));
        return bySeq;
    }

    private static Instant occurredAt(JsonNode event) {
        return Instant.parse(event.get("occurred_at").asText());
    }

    private static Instant occurredAt(List<JsonNode> newestFirst, long seq) {
        return occurredAt(newestFirst.get(newestFirst.size() - (int) seq));
    }

    private static List<Long> seqsWhere(List<JsonNode> events, Predicate<Instant> occurred) {
        return events.stream().filter(e -> occurred.test(occurredAt(e))).map(e -> e.get("seq").asLong()).toList();
    }

    static JsonNode read(String json) {
        try {
            return AuditTrailFixture.JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(json, e);
        }
    }
}
