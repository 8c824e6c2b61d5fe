package studio.release.document;

import java.time.Instant;
import java.util.List;

/** An approved override the released milestone relied on: who asked, who approved, which gates, why. */
public record ReleaseOverride(long id, List<String> gates, String requestedBy, String approvedBy, String reason, Instant approvedAt,
                              Instant expiresAt) {

    public ReleaseOverride {
        gates = List.copyOf(gates);
    }
}
