package studio.audit;

import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static studio.audit.AuditApiListTest.read;
import static studio.audit.AuditApiListTest.seqs;
import static studio.audit.AuditApiListTest.walk;
import static studio.audit.TestIdentities.asTestIdentity;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studio.audit.AuditEntry.Subject;
import studio.governance.Actor;
import studio.governance.Roles;

/** GET /api/audit/export: the whole filtered trail, oldest first, as CSV or JSON Lines that parse back exactly. */
@QuarkusTest
@TestSecurity(user = "ann", roles = Roles.AUDITOR)
class AuditApiExportTest {

    private static final List<String> COLUMNS = List.of("seq", "occurred_at", "actor", "actor_roles", "subject_type",
            "subject_id", "type", "trace_id", "payload", "prev_hash", "hash");

    @Inject
    AuditLog log;

    private AuditTrailFixture trail;

    @BeforeEach
    void freshTrail() {
        AuditDatabase.reset();
        trail = new AuditTrailFixture(log).varied(30);
        Actor awkward = new Actor("o'brien, \"the auditor\"", java.util.Set.of(Roles.AUDITOR, Roles.COMPLIANCE_OFFICER));
        trail.append(awkward, "OverrideRequested", Subject.milestone("m1"), List.of(), "trace\r\nwith, \"breaks\"\n",
                AuditTrailFixture.JSON.createObjectNode().put("reason", "line one\r\nline two, \"quoted\"; ü ✓").put("n", 1.5));
        trail.varied(5);
    }

    @Test
    void csvHasAHeaderAndEveryEventOldestFirstExactlyAsListed() {
        List<List<String>> records = CsvReader.parse(export("csv", Map.of()).asString());
        List<JsonNode> listed = oldestFirst(walk(Map.of(), 200));
        assertEquals(COLUMNS, records.get(0));
        assertEquals(listed.size(), records.size() - 1);
        for (int i = 0; i < listed.size(); i++) {
            assertEquals(csvRecord(listed.get(i)), records.get(i + 1), "row " + (i + 1));
        }
    }

    @Test
    void csvQuotesCommasQuotesAndLineBreaksSoTheAwkwardRowReadsBack() {
        List<List<String>> records = CsvReader.parse(export("csv", Map.of("actor", "o'brien, \"the auditor\"")).asString());
        assertEquals(2, records.size());
        List<String> row = records.get(1);
        JsonNode payload = read(row.get(8));
        assertAll(
                () -> assertEquals("o'brien, \"the auditor\"", row.get(2)),
                () -> assertEquals("auditor compliance-officer", row.get(3)),
                () -> assertEquals("trace\r\nwith, \"breaks\"\n", row.get(7)),
                () -> assertEquals("line one\r\nline two, \"quoted\"; ü ✓", payload.get("reason").asText()),
                () -> assertEquals(1.5, payload.get("n").asDouble()));
    }

    @Test
    void csvOfAFilterHoldsExactlyTheFilteredEvents() {
        List<List<String>> records = CsvReader.parse(export("csv", Map.of("milestone", "m1")).asString());
        List<Long> seqs = records.subList(1, records.size()).stream().map(r -> Long.parseLong(r.get(0))).toList();
        assertEquals(ascending(trail.newestFirst(w -> w.isAbout(Subject.milestone("m1")))), seqs);
    }

    @Test
    void jsonLinesHoldOneEventPerLineIdenticalToTheListing() {
        String body = export("jsonl", Map.of()).asString();
        List<JsonNode> lines = lines(body);
        assertTrue(body.endsWith("\n"));
        assertEquals(oldestFirst(walk(Map.of(), 200)), lines);
    }

    @Test
    void jsonLinesOfAFilterHoldExactlyTheFilteredEvents() {
        List<JsonNode> lines = lines(export("jsonl", Map.of("role", "ci", "type", "SprintClosed")).asString());
        List<Long> expected = trail.newestFirst(w -> w.actor().holds(Roles.CI) && w.type().equals("SprintClosed"));
        assertTrue(expected.size() >= 2, expected.toString());
        assertEquals(ascending(expected), seqs(lines));
    }

    @Test
    void anExportOfTheWholeTrailLetsAnAuditorRecomputeEveryHash() {
        String prev = AuditHasher.GENESIS;
        for (JsonNode e : lines(export("jsonl", Map.of()).asString())) {
            List<String> roles = new ArrayList<>();
            e.get("actor_roles").forEach(r -> roles.add(r.asText()));
            AuditRecord record = new AuditRecord(e.get("seq").asLong(), Instant.parse(e.get("occurred_at").asText()),
                    e.get("actor").asText(), roles, e.get("subject_type").asText(), text(e.get("subject_id")),
                    e.get("type").asText(), text(e.get("trace_id")), e.get("payload").toString(), e.get("prev_hash").asText());
            assertEquals(prev, record.prevHash(), "row " + record.seq());
            assertEquals(AuditHasher.hash(record), e.get("hash").asText(), "row " + record.seq());
            prev = e.get("hash").asText();
        }
        assertEquals(AuditDatabase.text("select hash from audit_head"), prev);
    }

    @Test
    void theDownloadIsNamedAndTyped() {
        export("csv", Map.of()).then()
                .contentType("text/csv")
                .header("Content-Disposition", matchesPattern("attachment; filename=\"studio-audit-\\d{8}T\\d{6}Z\\.csv\""));
        export("jsonl", Map.of()).then()
                .contentType("application/x-ndjson")
                .header("Content-Disposition", matchesPattern("attachment; filename=\"studio-audit-\\d{8}T\\d{6}Z\\.jsonl\""));
    }

    @Test
    void anEmptyResultIsAHeaderOnlyCsvAndAnEmptyJsonLinesFile() {
        assertEquals(List.of(COLUMNS), CsvReader.parse(export("csv", Map.of("actor", "nobody")).asString()));
        assertEquals("", export("jsonl", Map.of("actor", "nobody")).asString());
    }

    @Test
    void aMissingOrUnknownFormatOrABadFilterIs400() {
        assertEquals("format", badExport(Map.of()).get(0).get("path").asText());
        assertEquals("format", badExport(Map.of("format", "xml")).get(0).get("path").asText());
        assertEquals("from", badExport(Map.of("format", "csv", "from", "last week")).get(0).get("path").asText());
        assertEquals("role", badExport(Map.of("format", "jsonl", "role", "root")).get(0).get("path").asText());
    }

    @Test
    void theFormatNameIgnoresCase() {
        assertEquals(COLUMNS, CsvReader.parse(export("CSV", Map.of()).asString()).get(0));
    }

    private static Response export(String format, Map<String, String> filter) {
        Response response = asTestIdentity().queryParam("format", format).queryParams(filter)
                .when().get("/api/audit/export");
        response.then().statusCode(200);
        return response;
    }

    private static JsonNode badExport(Map<String, String> query) {
        String body = asTestIdentity().queryParams(query).when().get("/api/audit/export")
                .then().statusCode(400).contentType("application/problem+json").extract().asString();
        return read(body).get("errors");
    }

    private static List<String> csvRecord(JsonNode e) {
        List<String> roles = new ArrayList<>();
        e.get("actor_roles").forEach(r -> roles.add(r.asText()));
        return List.of(e.get("seq").asText(), e.get("occurred_at").asText(), e.get("actor").asText(), String.join(" ", roles),
                e.get("subject_type").asText(), orEmpty(e.get("subject_id")), e.get("type").asText(),
                orEmpty(e.get("trace_id")), e.get("payload").toString(), e.get("prev_hash").asText(), e.get("hash").asText());
    }

    private static List<JsonNode> lines(String body) {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (!line.isEmpty()) lines.add(read(line));
        }
        return lines;
    }

    private static List<JsonNode> oldestFirst(List<JsonNode> events) {
        return events.stream().sorted(Comparator.comparingLong(e -> e.get("seq").asLong())).toList();
    }

    private static List<Long> ascending(List<Long> seqs) {
        return seqs.stream().sorted().toList();
    }

    private static String orEmpty(JsonNode value) {
        return value.isNull() ? "" : value.asText();
    }

    private static String text(JsonNode value) {
        return value.isNull() ? null : value.asText();
    }
}
