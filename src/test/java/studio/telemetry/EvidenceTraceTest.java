package studio.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.trace.SpanContext;
import org.junit.jupiter.api.Test;

class EvidenceTraceTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

    @Test
    void aW3cTraceIdIsLinkedAsThatTraceWithTheUnknownSpan() {
        SpanContext target = EvidenceTrace.linkTarget(TRACE).orElseThrow();
        assertEquals(TRACE, target.getTraceId());
        assertEquals(EvidenceTrace.UNKNOWN_SPAN, target.getSpanId());
        assertTrue(target.isRemote());
        assertEquals(false, EvidenceTrace.linkAttributes(TRACE).get(EvidenceTrace.SPAN_KNOWN));
    }

    @Test
    void aTraceparentIsLinkedToItsOwnSpan() {
        String parent = "00-" + TRACE + "-00f067aa0ba902b7-01";
        SpanContext target = EvidenceTrace.linkTarget(parent).orElseThrow();
        assertEquals(TRACE, target.getTraceId());
        assertEquals("00f067aa0ba902b7", target.getSpanId());
        assertTrue(target.isSampled());
        assertEquals(true, EvidenceTrace.linkAttributes(parent).get(EvidenceTrace.SPAN_KNOWN));
    }

    @Test
    void upperCaseAndSurroundingBlanksAreTolerated() {
        assertEquals(TRACE, EvidenceTrace.linkTarget(" " + TRACE.toUpperCase() + " ").orElseThrow().getTraceId());
    }

    @Test
    void whatIsNoW3cTraceIdIsNotLinked() {
        assertTrue(EvidenceTrace.linkTarget("trace-xyz-123").isEmpty(), "the spec's example ids are names, not W3C ids");
        assertTrue(EvidenceTrace.linkTarget("00000000000000000000000000000000").isEmpty(), "the all-zero id is invalid");
        assertTrue(EvidenceTrace.linkTarget(TRACE + "0").isEmpty());
        assertTrue(EvidenceTrace.linkTarget("00-" + TRACE + "-0000000000000000-01").isEmpty(), "the all-zero span id is invalid");
        assertTrue(EvidenceTrace.linkTarget("").isEmpty());
        assertTrue(EvidenceTrace.linkTarget(null).isEmpty());
    }
}
