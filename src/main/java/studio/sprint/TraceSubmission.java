package studio.sprint;

import java.time.Instant;
import java.util.List;
import studio.evidence.TraceFeature;

/** One feature's entry in one submitted trace matrix (the evidence row it came in, and when). */
public record TraceSubmission(long evidenceId, Instant receivedAt, TraceFeature entry) {

    /** Long test lists are cut here on pages; the whole list stays in the document. */
    static final int SHOWN_TESTS = 200;

    public List<String> shownTests() {
        List<String> tests = entry.tests();
        return tests.size() <= SHOWN_TESTS ? tests : tests.subList(0, SHOWN_TESTS);
    }

    public int hiddenTests() {
        return Math.max(0, entry.tests().size() - SHOWN_TESTS);
    }
}
