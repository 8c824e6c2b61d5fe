package studio.sprint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import studio.evidence.TraceFeature;
import studio.evidence.TraceMatrix;

class FeatureTraceTest {

    static TraceFeature f(String id, int tests) {
        List<String> names = IntStream.rangeClosed(1, tests).mapToObj(i -> id + ".t" + i).toList();
        return new TraceFeature(id, null, names, List.of(id + ".cs"), List.of(), null, null, null, null);
    }

    static SubmittedMatrix m(long evidence, TraceFeature... features) {
        return new SubmittedMatrix(evidence, Instant.ofEpochSecond(evidence), new TraceMatrix("s1", null, null, null, List.of(features)));
    }

    @Test
    void theNewestEntryOfEachFeatureIsCurrentAndOlderOnesFollowNewestFirst() {
        List<FeatureTrace> traces = FeatureTrace.fold(List.of(m(3, f("A", 5)), m(2, f("B", 1), f("A", 4)), m(1, f("A", 2))), 5);
        assertEquals(List.of("A", "B"), traces.stream().map(FeatureTrace::feature).toList());
        FeatureTrace a = traces.get(0);
        assertEquals(3, a.current().evidenceId());
        assertEquals(5, a.current().entry().tests().size());
        assertEquals(List.of(2L, 1L), a.older().stream().map(TraceSubmission::evidenceId).toList());
        assertEquals(List.of(), traces.get(1).older());
    }

    @Test
    void olderSubmissionsAreCut() {
        List<FeatureTrace> traces = FeatureTrace.fold(List.of(m(4, f("A", 1)), m(3, f("A", 1)), m(2, f("A", 1)), m(1, f("A", 1))), 2);
        assertEquals(List.of(3L, 2L), traces.get(0).older().stream().map(TraceSubmission::evidenceId).toList());
    }

    @Test
    void longTestListsAreShownInPartWithTheRestCounted() {
        TraceSubmission big = new TraceSubmission(1, Instant.EPOCH, f("A", 250));
        assertEquals(200, big.shownTests().size());
        assertEquals(50, big.hiddenTests());
        TraceSubmission exact = new TraceSubmission(1, Instant.EPOCH, f("A", 200));
        assertEquals(200, exact.shownTests().size());
        assertEquals(0, exact.hiddenTests());
    }
}
