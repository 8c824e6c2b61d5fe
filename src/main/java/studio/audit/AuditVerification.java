package studio.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import studio.audit.AuditEntry.Subject;
import studio.governance.Actor;

/**
 * Recomputes the whole stored audit trail in one streaming pass ({@link AuditTrailVerifier}) against every signed
 * checkpoint, trusting only the pinned keys ({@link TrustedKeys}), never the ones the database lists. Verifying changes
 * nothing; {@link #verifyAndRecord} (a POST) also anchors what it verified and records the verification in the trail.
 */
@ApplicationScoped
public class AuditVerification {

    public static final String VERIFIED = "AuditVerified";

    @Inject
    AuditQuery query;

    @Inject
    TrustedKeys trusted;

    @Inject
    AuditCheckpoints checkpoints;

    @Inject
    AuditStreams streams;

    @Inject
    AuditLog log;

    @Inject
    AuditMetrics metrics;

    /**
     * Signs a checkpoint over the rows since the newest one (only when they chain onto it: a checkpoint never launders
     * a break), verifies the whole trail, then appends {@value #VERIFIED} with the verdict. The verdict is computed
     * before the append, so it covers the trail as it was asked about.
     *
     * @throws AuditBusy when as many exports and verifications run as {@link AuditStreams} allows
     */
    public TrailVerification verifyAndRecord(Actor actor) {
        TrailVerification verdict;
        try (AuditStreams.Permit permit = streams.open()) {
            checkpoints.checkpointNow();
            verdict = verifyNow();
        }
        QuarkusTransaction.requiringNew().run(() ->
                log.record(actor, AuditEntry.of(VERIFIED, Subject.system(), null, AuditEventJson.verdict(verdict))));
        return verdict;
    }

    /**
     * The verdict on the trail as stored now; changes nothing.
     *
     * @throws AuditBusy when as many exports and verifications run as {@link AuditStreams} allows
     */
    public TrailVerification verify() {
        try (AuditStreams.Permit permit = streams.open()) {
            return verifyNow();
        }
    }

    private TrailVerification verifyNow() {
        return query.streamInReadTransaction(c -> {
            // head, then checkpoints, then rows: see AuditTrailVerifier for why this order
            AuditHead head = AuditRows.head(c);
            AuditTrailVerifier trail = new AuditTrailVerifier(head, AuditRows.checkpoints(c), trusted.byId());
            try (OverlappedVerification verifier = new OverlappedVerification(trail)) {
                AuditRows.stream(c, AuditSql.oldestFirst(AuditFilter.EVERYTHING), AuditQuery.FETCH_SIZE, verifier::accept);
                ChainVerification chain = verifier.finish();
                metrics.verified(AuditMetrics.Check.FULL, chain.valid());
                return new TrailVerification(chain, trail.anchoredSeq());
            }
        });
    }
}
