package studio.audit;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import studio.input.InputProblem;

/** The CSV and JSON Lines writers and the JSON shape they share with the listing. */
class AuditExportWritersTest {

    private static final String HASH = "a".repeat(64);
    private static final AuditEvent EVENT = new AuditEvent(new AuditRecord(7, Instant.parse("2025-05-14T18:35:00.1234567Z"),
            "o'brien, \"qa\"", List.of("auditor", "qa-lead"), "milestone", "mvp-ready", "OverrideRequested", "t-1",
            "{\"n\":1.5,\"reason\":\"a, \\\"b\\\"\\nc ü\"}", AuditHasher.GENESIS), HASH);
    private static final AuditEvent SPARSE = new AuditEvent(new AuditRecord(8, Instant.parse("2025-05-14T18:36:00Z"),
            "studio", List.of(), "system", null, "AuditVerified", null, "{}", HASH), "b".repeat(64));

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "plain|plain",
            "a,b|\"a,b\"",
            "say \"hi\"|\"say \"\"hi\"\"\"",
            "''|''"})
    void csvFieldsAreQuotedOnlyWhenTheyMustBe(String value, String written) {
        assertEquals(written, AuditCsv.field(value));
    }

    @Test
    void csvFieldsWithLineBreaksAreQuoted() {
        assertAll(
                () -> assertEquals("\"a\nb\"", AuditCsv.field("a\nb")),
                () -> assertEquals("\"a\r\nb\"", AuditCsv.field("a\r\nb")),
                () -> assertEquals("\"a\rb\"", AuditCsv.field("a\rb")),
                () -> assertEquals("", AuditCsv.field("")),
                () -> assertEquals("=1+1", AuditCsv.field("=1+1"), "evidence is written as stored"));
    }

    @Test
    void csvIsAHeaderThenOneCrlfRecordPerEvent() throws IOException {
        String csv = write(AuditExportFormat.CSV, EVENT, SPARSE);
        List<List<String>> records = CsvReader.parse(csv);
        assertAll(
                () -> assertEquals(AuditCsv.HEADER, records.get(0)),
                () -> assertEquals(List.of("7", "2025-05-14T18:35:00.123456Z", "o'brien, \"qa\"", "auditor qa-lead", "milestone",
                        "mvp-ready", "OverrideRequested", "t-1", EVENT.record().payloadJson(), AuditHasher.GENESIS, HASH), records.get(1)),
                () -> assertEquals(List.of("8", "2025-05-14T18:36:00.000000Z", "studio", "", "system", "", "AuditVerified", "",
                        "{}", HASH, "b".repeat(64)), records.get(2)),
                () -> assertEquals(3, records.size()));
    }

    @Test
    void anEmptyCsvExportStillHasItsHeader() throws IOException {
        assertEquals(String.join(",", AuditCsv.HEADER) + "\r\n", write(AuditExportFormat.CSV));
    }

    @Test
    void jsonLinesAreOneObjectPerLfEndedLine() throws IOException {
        String jsonl = write(AuditExportFormat.JSONL, EVENT, SPARSE);
        String[] lines = jsonl.split("\n", -1);
        assertEquals(3, lines.length);
        assertEquals("", lines[2]);
        JsonNode first = json(lines[0]);
        JsonNode second = json(lines[1]);
        assertAll(
                () -> assertEquals(List.of("seq", "occurred_at", "actor", "actor_roles", "subject_type", "subject_id", "type",
                        "trace_id", "payload", "prev_hash", "hash"), fieldNames(first)),
                () -> assertEquals("2025-05-14T18:35:00.123456Z", first.get("occurred_at").asText()),
                () -> assertEquals("a, \"b\"\nc ü", first.get("payload").get("reason").asText()),
                () -> assertTrue(second.get("subject_id").isNull()),
                () -> assertTrue(second.get("trace_id").isNull()),
                () -> assertEquals(0, second.get("actor_roles").size()));
    }

    @Test
    void thePayloadIsWrittenVerbatimSoTheHashCanBeRecomputed() throws IOException {
        String line = write(AuditExportFormat.JSONL, EVENT);
        assertTrue(line.contains("\"payload\":" + EVENT.record().payloadJson() + ","), line);
    }

    @Test
    void aPayloadThatIsNotOneLineOfJsonIsWrittenAsAStringKeepingEachLineValid() throws IOException {
        for (String tampered : new String[] {"{\"n\":", "{\"n\":1}\n{\"n\":2}", "{\n\"n\":1}", "1 2", ""}) {
            AuditEvent event = new AuditEvent(new AuditRecord(1, Instant.EPOCH, "x", List.of(), "system", null, "T", null,
                    tampered, AuditHasher.GENESIS), HASH);
            String jsonl = write(AuditExportFormat.JSONL, event);
            assertEquals(1, jsonl.split("\n").length, tampered);
            assertEquals(tampered, json(jsonl).get("payload").asText());
        }
    }

    @Test
    void aPageListsItsEventsAndTheNextCursor() {
        JsonNode page = json(AuditEventJson.page(new AuditPage(List.of(SPARSE, EVENT), "7")));
        assertAll(
                () -> assertEquals(2, page.get("events").size()),
                () -> assertEquals(8, page.get("events").get(0).get("seq").asLong()),
                () -> assertEquals("7", page.get("next").asText()));
        assertTrue(json(AuditEventJson.page(new AuditPage(List.of(), null))).get("next").isNull());
    }

    @Test
    void verdictsHaveTheShapeApiMdGives() {
        assertEquals(json("{\"valid\":true,\"events\":12,\"head\":\"" + HASH + "\"}"),
                json(AuditEventJson.verdict(new ChainVerification.Intact(12, HASH)).toString()));
        assertEquals(json("{\"valid\":false,\"first_bad_seq\":3,\"reason\":\"row 3 was altered\"}"),
                json(AuditEventJson.verdict(new ChainVerification.Broken(3, "row 3 was altered")).toString()));
    }

    @Test
    void formatsAreNamedCsvOrJsonlInAnyCase() {
        assertEquals(AuditExportFormat.CSV, AuditExportFormat.named("csv"));
        assertEquals(AuditExportFormat.JSONL, AuditExportFormat.named(" JSONL "));
        for (String bad : new String[] {null, "", "json", "xlsx"}) {
            InvalidAuditQuery refused = assertThrows(InvalidAuditQuery.class, () -> AuditExportFormat.named(bad));
            assertEquals(List.of("format"), refused.problems().stream().map(InputProblem::path).toList());
        }
    }

    private static String write(AuditExportFormat format, AuditEvent... events) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AuditEventWriter writer = format.open(out);
        for (AuditEvent event : events) writer.write(event);
        writer.finish();
        return out.toString(StandardCharsets.UTF_8);
    }

    private static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (IOException e) {
            throw new AssertionError(text, e);
        }
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new java.util.ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
