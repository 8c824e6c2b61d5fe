package studio.audit;

/** The verdict on the audit chain: intact up to its head, or broken at the first row that cannot be trusted. */
public sealed interface ChainVerification {

    boolean valid();

    /** Every row chains to the one before and every signed checkpoint matches. */
    record Intact(long events, String head) implements ChainVerification {
        public boolean valid() {
            return true;
        }
    }

    /** {@code firstBadSeq} is the first row the chain cannot vouch for; {@code reason} says why, for an auditor. */
    record Broken(long firstBadSeq, String reason) implements ChainVerification {
        public boolean valid() {
            return false;
        }
    }
}
