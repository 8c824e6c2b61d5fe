package studio.telemetry;

import static io.opentelemetry.api.common.AttributeKey.stringKey;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Supplier;

/**
 * Studio's own spans: one per operation the spec names (evidence ingest, MilestoneGateEvaluation and each milestone
 * transition, the ReleaseCoordinator's steps), each a child of whatever is current (the HTTP request, the evaluation
 * that caused it). A span that works on evidence carries the evidence's {@code trace_id} as an attribute and, when it
 * is a W3C trace id, as a link to that trace ({@link EvidenceTrace}), so CI's pipeline trace and Studio's connect.
 * Without an exporter configured the SDK is off and these are no-ops.
 */
@ApplicationScoped
public class Spans {

    /** The spec's "Core Trace Fields", as attributes. */
    public static final AttributeKey<String> TRACE_ID = stringKey("trace_id");
    public static final AttributeKey<String> MILESTONE_ID = stringKey("milestone_id");
    public static final AttributeKey<String> VERSION_TAG = stringKey("version_tag");
    public static final AttributeKey<String> RELEASE_STATUS = stringKey("release_status");

    @Inject
    Tracer tracer;

    /** Runs {@code work} inside a new span; {@code evidenceTraceId} (or null) is recorded and linked. */
    public <T> T within(String name, Attributes attributes, String evidenceTraceId, Supplier<T> work) {
        SpanBuilder builder = tracer.spanBuilder(name).setAllAttributes(attributes);
        if (evidenceTraceId != null && !evidenceTraceId.isBlank()) {
            builder.setAttribute(TRACE_ID, evidenceTraceId);
            EvidenceTrace.linkTarget(evidenceTraceId).ifPresent(target -> builder.addLink(target, EvidenceTrace.linkAttributes(evidenceTraceId)));
        }
        Span span = builder.startSpan();
        try (Scope ignored = span.makeCurrent()) {
            return work.get();
        } catch (RuntimeException | Error e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            throw e;
        } finally {
            span.end();
        }
    }

    public void within(String name, Attributes attributes, String evidenceTraceId, Runnable work) {
        within(name, attributes, evidenceTraceId, () -> {
            work.run();
            return null;
        });
    }

    /** What an operation came to, on the span it runs in (the milestone's state after judging, a release's status). */
    public static void outcome(AttributeKey<String> key, String value) {
        if (value != null) Span.current().setAttribute(key, value);
    }
}
