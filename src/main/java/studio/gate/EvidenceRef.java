package studio.gate;

/**
 * A pointer to a stored piece of evidence a gate result used: {@code kind} is one of
 * {@code event, trace-matrix, qa-report, execution, signal, override, decision}; {@code id} is its row id.
 */
public record EvidenceRef(String kind, long id) {}
