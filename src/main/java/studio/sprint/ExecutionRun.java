package studio.sprint;

import java.time.Instant;
import studio.evidence.ExecutionRecord;

/** One agent skill execution reported for a sprint (execution-metadata.json), with the evidence row it came in. */
public record ExecutionRun(long evidenceId, Instant receivedAt, ExecutionRecord record) {

    /** "1.3 s" from durationMs; null when not reported. */
    public String duration() {
        Long ms = record.durationMs();
        if (ms == null) return null;
        return ms < 1000 ? ms + " ms" : String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
