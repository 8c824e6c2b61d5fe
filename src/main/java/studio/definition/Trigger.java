package studio.definition;

/** {@code triggers: [{event: MilestoneCompleted, next: deploy-to-staging, condition: allStreamsReady}]}. */
public record Trigger(String event, String next, String condition) {}
