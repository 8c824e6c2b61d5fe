package studio.definition;

/** A current blocker of a milestone ({@code issue|title, impact, owner, action, targetResolution, priority}). */
public record Blocker(String issue, String impact, String owner, String action, String targetResolution, String priority) {}
