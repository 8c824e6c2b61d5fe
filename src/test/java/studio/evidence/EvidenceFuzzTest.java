package studio.evidence;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import studio.input.InvalidInputException;

/**
 * Any input either parses or is rejected with {@link InvalidInputException}; no other exception escapes an evidence
 * parser. {@code ./mvnw test} replays the seeds under {@code EvidenceFuzzTestInputs/<method>/} (the spec's examples and
 * broken variants); {@code JAZZER_FUZZ=1 ./mvnw test -Dtest=EvidenceFuzzTest} fuzzes for real.
 */
class EvidenceFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void events(byte[] input) {
        parsesOrRejects(() -> EventParser.parse(text(input)));
    }

    @FuzzTest(maxDuration = "60s")
    void traceMatrix(byte[] input) {
        parsesOrRejects(() -> TraceMatrixParser.parse(text(input), null));
        parsesOrRejects(() -> TraceMatrixParser.parse(text(input), "sprint-3"));
    }

    @FuzzTest(maxDuration = "60s")
    void qaMarkdown(byte[] input) {
        parsesOrRejects(() -> QaReportParser.parseMarkdown(text(input), "sprint-2025-05-MVP1"));
        parsesOrRejects(() -> QaReportParser.parseMarkdown(text(input), "s"));
    }

    @FuzzTest(maxDuration = "60s")
    void qaJson(byte[] input) {
        parsesOrRejects(() -> QaReportParser.parseJson(text(input), "sprint-3"));
    }

    @FuzzTest(maxDuration = "60s")
    void executionMetadata(byte[] input) {
        parsesOrRejects(() -> ExecutionMetadataParser.parse(text(input)));
    }

    static String text(byte[] input) {
        return new String(input, StandardCharsets.UTF_8);
    }

    /** Parsing may fail only as a rejection that names at least one problem. */
    static void parsesOrRejects(Runnable parse) {
        try {
            parse.run();
        } catch (InvalidInputException rejected) {
            assertFalse(rejected.problems().isEmpty());
        }
    }
}
