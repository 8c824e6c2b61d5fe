package studio.audit;

import java.security.PublicKey;
import java.util.List;
import java.util.Map;

/**
 * Verifies the stored audit trail: the hash chain and its signed checkpoints ({@link ChainVerifier}), and the head
 * recorded in audit_head, which every append moves in the same transaction as its row. The head catches what the
 * checkpoints cannot yet: the newest rows deleted since the last checkpoint was signed.
 *
 * <p>Read the head, then the checkpoints and keys, then the rows: appends commit in seq order, so rows read later
 * always reach a head or checkpoint read earlier, and rows appended meanwhile simply extend the chain.
 */
public final class AuditTrailVerifier {

    private final ChainVerifier chain;
    private final AuditHead head;
    private String hashAtHead;

    /**
     * @param head what audit_head recorded before the rows were read
     * @param keysById the trusted keys (never the ones the database lists: see {@link TrustedKeys})
     */
    public AuditTrailVerifier(AuditHead head, List<AuditCheckpoint> checkpoints, Map<String, PublicKey> keysById) {
        this.chain = new ChainVerifier(checkpoints, keysById);
        this.head = head;
    }

    /** @return false once the trail is known to be broken (stop reading) */
    public boolean accept(AuditEvent event) {
        if (event.seq() == head.seq()) hashAtHead = event.hash();
        return chain.accept(event.record(), event.hash());
    }

    /** How far trusted checkpoints anchor the chain, once {@link #finish()} has run. */
    public long anchoredSeq() {
        return chain.anchoredSeq();
    }

    public ChainVerification finish() {
        ChainVerification verdict = chain.finish();
        if (!(verdict instanceof ChainVerification.Intact intact) || head.seq() == 0) return verdict;
        long seq = head.seq();
        if (intact.events() < seq) {
            return new ChainVerification.Broken(intact.events() + 1, "the chain ends at row " + intact.events()
                    + " but the audit head records row " + seq + ": the newest rows were deleted");
        }
        if (!head.hash().equals(hashAtHead)) {
            return new ChainVerification.Broken(seq, "the chain's hash at row " + seq
                    + " differs from the audit head recorded when it was appended: history up to row " + seq + " was rewritten");
        }
        return verdict;
    }
}
