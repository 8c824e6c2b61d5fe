package studio.governance;

import java.time.Instant;
import java.util.List;

/** What a person asks for: the gates to override, why, and optionally until when. */
public record OverrideRequestForm(List<String> gates, String reason, Instant expiresAt) {

    public OverrideRequestForm {
        gates = gates == null ? List.of() : List.copyOf(gates);
    }
}
