package studio.evidence;

/** One agent skill execution (execution-metadata.json); {@code artifact} is also written {@code output}. */
public record ExecutionRecord(String traceId, String sprintId, String featureId, String agentId, String skillId,
                              String status, Long durationMs, String artifact) {}
