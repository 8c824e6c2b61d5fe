package studio.definition;

import java.util.List;

/** A milestone's or sprint's {@code traceability} block. Sprints use only labels and orchestrator. */
public record Traceability(List<String> labels, String owner, String governedBy, String tracePattern, String orchestrator) {

    public Traceability {
        labels = List.copyOf(labels);
    }
}
