package studio.telemetry;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.Unremovable;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.List;

/**
 * The tests' span exporter: Quarkus exports to every SpanExporter bean (and then leaves OTLP out), so the spans the
 * application records land here, in memory. Every @QuarkusTest shares the application, so it keeps at most
 * {@link #LIMIT} spans until a test resets it.
 */
@Singleton
@Unremovable
public class RecordedSpans implements SpanExporter {

    static final int LIMIT = 20_000;

    private final InMemorySpanExporter memory = InMemorySpanExporter.create();

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        if (memory.getFinishedSpanItems().size() >= LIMIT) return CompletableResultCode.ofSuccess();
        return memory.export(spans);
    }

    @Override
    public CompletableResultCode flush() {
        return memory.flush();
    }

    @Override
    public CompletableResultCode shutdown() {
        return memory.shutdown();
    }

    public List<SpanData> finished() {
        return memory.getFinishedSpanItems();
    }

    public void reset() {
        memory.reset();
    }
}
