package studio.backlog;

/**
 * A feature another one depends on, with its backlog status.
 *
 * @param status null when Studio knows no such feature
 */
public record Dependency(String id, String status) {

    public boolean completed() {
        return "completed".equals(status);
    }

    /** Worth a warning on the card: not completed (or unknown), so the dependent feature may be held up. */
    public boolean outstanding() {
        return !completed();
    }
}
