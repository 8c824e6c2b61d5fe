package studio.audit;

import java.security.PublicKey;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * Recomputes the audit hash chain one row at a time, in seq order, holding only the running head (memory does not
 * grow with the number of rows), and checks the signed checkpoints as the rows reach them.
 *
 * <p>What it catches: a row whose content no longer matches its stored hash (altered); a missing seq (deleted);
 * a row whose prevHash is not the hash of the row before (reordered, or altered and re-hashed); a checkpoint whose
 * signed head differs from the recomputed one (rewritten history); a checkpoint beyond the last row (newest rows
 * deleted); a checkpoint whose signature does not verify with the key its id names, or whose key is not one of the
 * trusted keys it is given (forged); and, when it is given every checkpoint there is, a checkpoint note that does not
 * name the checkpoint before it (a checkpoint removed, replaced or forked). Rows are numbered from 1. Usage:
 * {@code accept} each row until it returns false, then {@code finish()}; {@link #anchoredSeq()} then says how far
 * checkpoints vouch for the chain.
 */
public final class ChainVerifier {

    private final Deque<AuditCheckpoint> checkpoints;
    private final Map<String, PublicKey> keysById;
    private final boolean everyCheckpoint;
    private long nextSeq = 1;
    private String head = AuditHasher.GENESIS;
    private ChainVerification.Broken broken;
    private long anchoredSeq;
    private AuditCheckpoint lastCheckpoint;

    /**
     * @param checkpoints every checkpoint ever signed (each note must name the one before it)
     * @param keysById the trusted public keys checkpoints may be signed with, by key id
     */
    public ChainVerifier(List<AuditCheckpoint> checkpoints, Map<String, PublicKey> keysById) {
        this(checkpoints, keysById, true);
    }

    /**
     * @param everyCheckpoint false when {@code checkpoints} are only some of them (an auditor's kept notes): their
     *        links to the checkpoints before them cannot be checked
     */
    public ChainVerifier(List<AuditCheckpoint> checkpoints, Map<String, PublicKey> keysById, boolean everyCheckpoint) {
        this.checkpoints = new ArrayDeque<>(checkpoints.stream().sorted(Comparator.comparingLong(AuditCheckpoint::seq)).toList());
        this.keysById = Map.copyOf(keysById);
        this.everyCheckpoint = everyCheckpoint;
        checkCheckpointsUpTo(0);
    }

    /** Verifies only the rows after {@code seq}, whose hash is taken to be {@code head} (a checkpoint's, say). */
    public static ChainVerifier continuing(long seq, String head) {
        ChainVerifier verifier = new ChainVerifier(List.of(), Map.of(), false);
        verifier.nextSeq = seq + 1;
        verifier.head = head;
        return verifier;
    }

    /** The newest row a trusted checkpoint vouches for so far (0: none); rows after it are not yet anchored. */
    public long anchoredSeq() {
        return anchoredSeq;
    }

    /**
     * Checks the next row. {@code storedHash} is the hash kept with the row when it was written.
     *
     * @return false once the chain is known to be broken (further rows are ignored)
     */
    public boolean accept(AuditRecord row, String storedHash) {
        if (broken != null) return false;
        if (row.seq() != nextSeq) return fail(Math.min(row.seq(), nextSeq), outOfSequence(row.seq()));
        if (!head.equals(row.prevHash())) return fail(row.seq(), doesNotFollow(row.seq()));
        if (AuditHasher.hashAsStored(row).equals(storedHash)) return advance(row.seq(), storedHash);
        String hash = hashOf(row);
        if (hash == null) return fail(row.seq(), "row " + row.seq() + " was altered: its payload is not a JSON document");
        if (!hash.equals(storedHash)) {
            return fail(row.seq(), "row " + row.seq() + " was altered: its content does not match its stored hash");
        }
        return advance(row.seq(), hash);
    }

    private boolean advance(long seq, String hash) {
        head = hash;
        nextSeq++;
        return checkCheckpointsUpTo(seq);
    }

    /** The verdict after the last row; checkpoints the rows never reached mean the newest rows are gone. */
    public ChainVerification finish() {
        if (broken != null) return broken;
        AuditCheckpoint beyond = checkpoints.peekFirst();
        if (beyond != null) {
            String forged = signatureProblem(beyond);
            if (forged != null) return new ChainVerification.Broken(beyond.seq(), forged);
            return new ChainVerification.Broken(nextSeq, "the chain ends at row " + (nextSeq - 1)
                    + " but a signed checkpoint covers row " + beyond.seq() + ": the newest rows were deleted");
        }
        return new ChainVerification.Intact(nextSeq - 1, head);
    }

    /** Null when the row cannot be hashed: only a payload edited outside {@code AuditLog} can fail to parse. */
    private static String hashOf(AuditRecord row) {
        try {
            return AuditHasher.hash(row);
        } catch (IllegalArgumentException notJson) {
            return null;
        }
    }

    private boolean checkCheckpointsUpTo(long seq) {
        while (broken == null && !checkpoints.isEmpty() && checkpoints.peekFirst().seq() <= seq) {
            AuditCheckpoint checkpoint = checkpoints.pollFirst();
            String problem = signatureProblem(checkpoint);
            if (problem == null && checkpoint.seq() < seq) problem = "checkpoint for row " + checkpoint.seq() + " lies before the chain starts";
            if (problem == null && !head.equals(checkpoint.headHash())) {
                problem = "the chain's hash at row " + seq + " differs from the signed checkpoint: history up to row " + seq + " was rewritten";
            }
            if (problem != null) {
                fail(Math.max(checkpoint.seq(), 1), problem);
            } else {
                anchoredSeq = checkpoint.seq();
            }
        }
        return broken == null;
    }

    /** Why the checkpoint cannot be trusted (its key, its signature, its link to the one before), or null. */
    private String signatureProblem(AuditCheckpoint checkpoint) {
        PublicKey key = checkpoint.keyId() == null ? null : keysById.get(checkpoint.keyId());
        if (key == null) return "checkpoint for row " + checkpoint.seq() + " is signed with unknown key " + checkpoint.keyId();
        if (!checkpoint.signedBy(key)) return "checkpoint for row " + checkpoint.seq() + " has an invalid signature (key " + checkpoint.keyId() + ")";
        String link = linkProblem(checkpoint);
        lastCheckpoint = checkpoint;
        return link;
    }

    private String linkProblem(AuditCheckpoint checkpoint) {
        if (!everyCheckpoint || checkpoint.note() == null) return null;
        String expected = lastCheckpoint == null ? CheckpointNote.NO_PREVIOUS : lastCheckpoint.hash();
        if (expected.equals(checkpoint.previousHash())) return null;
        return "checkpoint for row " + checkpoint.seq() + " does not follow "
                + (lastCheckpoint == null ? "from the start (no checkpoint is stored before it)" : "the checkpoint for row " + lastCheckpoint.seq())
                + ": a checkpoint was removed, replaced or forked";
    }

    private String outOfSequence(long seq) {
        if (seq > nextSeq) return "row " + nextSeq + " is missing (the next row present is " + seq + ")";
        return "row " + seq + " comes after row " + (nextSeq - 1) + ": rows are duplicated or out of order";
    }

    private String doesNotFollow(long seq) {
        return "row " + seq + " does not follow row " + (seq - 1) + " (prev-hash mismatch): a row was altered, replaced or reordered";
    }

    private boolean fail(long seq, String reason) {
        broken = new ChainVerification.Broken(seq, reason);
        return false;
    }
}
