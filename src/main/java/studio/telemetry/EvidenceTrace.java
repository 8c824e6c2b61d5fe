package studio.telemetry;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanId;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceId;
import io.opentelemetry.api.trace.TraceState;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The trace a piece of evidence names in its {@code trace_id}, as a link target. CI may send a W3C trace id (32 hex
 * digits) or a whole {@code traceparent} ({@code 00-<trace id>-<span id>-<flags>}); anything else (the spec's
 * {@code trace-xyz-123}) is only an attribute. A bare trace id names a trace but not a span, and a link needs both: it
 * points at {@link #UNKNOWN_SPAN} in that trace and says so in its {@code evidence.span_known} attribute.
 */
public final class EvidenceTrace {

    /** The span id of a link to a trace whose span the evidence did not name. */
    public static final String UNKNOWN_SPAN = "0000000000000001";

    static final AttributeKey<String> LINKED_TRACE_ID = AttributeKey.stringKey("evidence.trace_id");
    static final AttributeKey<Boolean> SPAN_KNOWN = AttributeKey.booleanKey("evidence.span_known");

    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");

    private EvidenceTrace() {
    }

    /** The span context to link to, when {@code traceId} is a W3C trace id or traceparent (any case, outer blanks ignored). */
    public static Optional<SpanContext> linkTarget(String traceId) {
        if (traceId == null) return Optional.empty();
        String text = traceId.strip().toLowerCase(Locale.ROOT);
        Matcher parent = TRACEPARENT.matcher(text);
        SpanContext target = parent.matches()
                ? SpanContext.createFromRemoteParent(parent.group(1), parent.group(2), TraceFlags.fromHex(parent.group(3), 0), TraceState.getDefault())
                : TraceId.isValid(text) ? SpanContext.createFromRemoteParent(text, UNKNOWN_SPAN, TraceFlags.getSampled(), TraceState.getDefault())
                : SpanContext.getInvalid();
        return target.isValid() && SpanId.isValid(target.getSpanId()) ? Optional.of(target) : Optional.empty();
    }

    static Attributes linkAttributes(String traceId) {
        boolean spanKnown = TRACEPARENT.matcher(traceId.strip().toLowerCase(Locale.ROOT)).matches();
        return Attributes.of(LINKED_TRACE_ID, traceId, SPAN_KNOWN, spanKnown);
    }
}
