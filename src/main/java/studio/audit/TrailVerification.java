package studio.audit;

/**
 * The verdict on the stored trail: the chain's own verdict, and how far trusted signed checkpoints anchor it. Rows
 * after the newest checkpoint chain correctly but nothing outside the database vouches for them yet: deleting or
 * rewriting them together with the head would go unnoticed, so they are reported as not yet anchored, never as intact.
 *
 * @param anchoredSeq the newest row a trusted checkpoint vouches for (0: none)
 */
public record TrailVerification(ChainVerification chain, long anchoredSeq) {

    /** What an auditor is told: {@code intact}, {@code not_yet_anchored}, {@code empty} or {@code broken}. */
    public enum Status {
        INTACT, NOT_YET_ANCHORED, EMPTY, BROKEN;

        public String json() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public boolean valid() {
        return chain.valid();
    }

    /** How many rows come after the newest checkpoint (0 for a broken chain: nothing is vouched for then). */
    public long unanchored() {
        return chain instanceof ChainVerification.Intact intact ? Math.max(0, intact.events() - anchoredSeq) : 0;
    }

    public Status status() {
        if (!(chain instanceof ChainVerification.Intact intact)) return Status.BROKEN;
        if (intact.events() == 0) return Status.EMPTY;
        return unanchored() > 0 ? Status.NOT_YET_ANCHORED : Status.INTACT;
    }
}
