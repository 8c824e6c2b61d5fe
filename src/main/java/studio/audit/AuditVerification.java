package studio.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import studio.audit.AuditEntry.Subject;
import studio.governance.Actor;
import studio.signing.SigningKeys;

/**
 * Recomputes the whole stored audit trail in one streaming pass ({@link AuditTrailVerifier}) against every signed
 * checkpoint and every key Studio has published, then records the verification itself in the trail.
 */
@ApplicationScoped
public class AuditVerification {

    public static final String VERIFIED = "AuditVerified";

    @Inject
    AuditQuery query;

    @Inject
    SigningKeys keys;

    @Inject
    AuditLog log;

    /**
     * Verifies, then appends {@value #VERIFIED} with the verdict. The verdict is computed first, so the check covers
     * the trail as it was asked about, and nothing (no checkpoint, no append) runs before it that could mask a
     * truncation.
     */
    public ChainVerification verifyAndRecord(Actor actor) {
        ChainVerification verdict = verify();
        QuarkusTransaction.requiringNew().run(() ->
                log.record(actor, AuditEntry.of(VERIFIED, Subject.system(), null, AuditEventJson.verdict(verdict))));
        return verdict;
    }

    /** The verdict on the trail as stored now; changes nothing. */
    public ChainVerification verify() {
        return query.streamInReadTransaction(c -> {
            // head, then checkpoints, then keys, then rows: see AuditTrailVerifier for why this order
            AuditHead head = AuditRows.head(c);
            var checkpoints = AuditRows.checkpoints(c);
            try (OverlappedVerification verifier = new OverlappedVerification(
                    new AuditTrailVerifier(head, checkpoints, keys.published()))) {
                AuditRows.stream(c, AuditSql.oldestFirst(AuditFilter.EVERYTHING), AuditQuery.FETCH_SIZE, verifier::accept);
                return verifier.finish();
            }
        });
    }
}
