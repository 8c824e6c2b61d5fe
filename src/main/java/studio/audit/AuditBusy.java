package studio.audit;

/** Refused because {@link AuditStreams} already runs as many exports and verifications as it allows. */
public class AuditBusy extends RuntimeException {

    private final long retryAfterSeconds;

    public AuditBusy(int limit, long retryAfterSeconds) {
        super("Studio is already running " + limit + " audit " + (limit == 1 ? "export or verification" : "exports or verifications")
                + ", as many as it runs at once; try again in " + retryAfterSeconds + " seconds.");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** For the Retry-After header. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
