package studio.audit;

/**
 * The chain's newest row as audit_head records it: each append moves it in the same transaction as its row
 * ({@code seq} 0 and {@link AuditHasher#GENESIS} before the first append).
 */
public record AuditHead(long seq, String hash) {

    public static final AuditHead GENESIS = new AuditHead(0, AuditHasher.GENESIS);
}
