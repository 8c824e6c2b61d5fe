package studio.audit;

/**
 * A page of the newest-first listing: at most {@code limit} events matching {@code filter} whose seq is below
 * {@code after} (the previous page's cursor; null for the newest page).
 */
public record AuditPageRequest(AuditFilter filter, Long after, int limit) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    public AuditPageRequest {
        if (limit < 1 || limit > MAX_LIMIT) throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ": " + limit);
        if (after != null && after < 1) throw new IllegalArgumentException("after must be a positive seq: " + after);
    }
}
