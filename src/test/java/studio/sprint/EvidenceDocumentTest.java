package studio.sprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class EvidenceDocumentTest {

    static EvidenceDocument doc(String kind, String eventType, String type) {
        return new EvidenceDocument(42, kind, eventType, type, Instant.EPOCH, Instant.EPOCH, "ci", null, 10);
    }

    @Test
    void eachKindHasALabelAFileNameAndTheTypeItArrivedWith() {
        EvidenceDocument qa = doc("qa-report", null, "text/markdown");
        assertEquals("QA report", qa.label());
        assertEquals("s1-qa-report-42.md", qa.fileName("s1"));
        assertEquals("text/markdown; charset=UTF-8", qa.downloadType());
        EvidenceDocument matrix = doc("trace-matrix", null, "application/json");
        assertEquals("Trace matrix", matrix.label());
        assertEquals("s1-trace-matrix-42.json", matrix.fileName("s1"));
        assertEquals("application/json", matrix.downloadType());
        assertEquals("Event SprintClosed", doc("event", "SprintClosed", "application/json").label());
        assertEquals("Execution metadata", doc("execution", null, "application/json").label());
        assertEquals("/sprints/s1/evidence/42", qa.href("s1"));
    }

    @Test
    void anythingElseIsServedAsPlainText() {
        EvidenceDocument odd = doc("other", null, "text/html");
        assertEquals("text/plain; charset=UTF-8", odd.downloadType(), "never served as a page of its own");
        assertEquals("s1-other-42.txt", odd.fileName("s1"));
    }

    @Test
    void eventsAndTestRunsSayWhatPeopleNeed() {
        SprintEventRow closed = new SprintEventRow("SprintClosed", Instant.parse("2025-06-03T16:30:00Z"), null,
                Instant.parse("2025-06-03T16:30:30Z"), "ci", 1);
        assertEquals("closed", closed.stateAfter());
        assertFalse(closed.arrivedLate(), "half a minute is on time");
        SprintEventRow late = new SprintEventRow("SprintBlocked", Instant.parse("2025-06-03T16:30:00Z"), "flaky env",
                Instant.parse("2025-06-03T18:00:00Z"), "ci", 2);
        assertEquals("blocked", late.stateAfter());
        assertTrue(late.arrivedLate());
        assertEquals("", new SprintEventRow("Unknown", Instant.EPOCH, null, null, "ci", 3).stateAfter());
        TestRun run = new TestRun(96, 2, Instant.EPOCH, 5);
        assertEquals(98, run.total());
        assertTrue(run.failing());
    }
}
