package studio.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import studio.signing.SignedNote;
import studio.signing.SigningKeys;

/**
 * Signs the audit chain's head into audit_checkpoint whenever it moved, as a signed note that names the checkpoint
 * before it ({@link AuditCheckpoint#signNote}), so deleting the newest rows or rewriting history together with every
 * later row is caught by verification, and a removed or forked checkpoint too. A checkpoint vouches for what it
 * signs: the rows since the previous checkpoint are recomputed first, and a head they do not reach is not signed.
 * Several instances may run this against one database: one signs at a time (a transaction-scoped advisory lock; the
 * others skip that round), so checkpoints only ever move forward, and the checkpoint's key is its seq.
 */
@ApplicationScoped
public class AuditCheckpoints {

    private static final Logger LOG = Logger.getLogger(AuditCheckpoints.class);

    /** The advisory lock key that serialises checkpoint signing across instances ("audit-ck" as a number). */
    static final long SIGNING_LOCK = 0x617564697463_6bL;

    @Inject
    DataSource db;

    @Inject
    SigningKeys keys;

    @Inject
    TrustedKeys trusted;

    @Inject
    AuditMetrics metrics;

    /** Names this trail in every checkpoint note and is the key name of its signature line (c2sp.org/tlog-checkpoint). */
    @ConfigProperty(name = "studio.audit.origin")
    String origin;

    /** Recomputing the rows since the last checkpoint may take a while after a bulk load. */
    @ConfigProperty(name = "studio.audit.stream-timeout-seconds", defaultValue = "3600")
    int timeoutSeconds;

    void onStart(@Observes StartupEvent event) {
        try {
            SignedNote.checkKeyName(origin);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("studio.audit.origin names this audit trail in its checkpoints: " + e.getMessage()
                    + " (use a schema-less URL such as studio.example.com/audit)", e);
        }
    }

    @Scheduled(identity = "audit-checkpoint", every = "${studio.audit.checkpoint-every:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        checkpointNow().ifPresent(c -> LOG.debugf("signed audit checkpoint at row %d", c.seq()));
    }

    /** The origin checkpoints are signed under. */
    public String origin() {
        return origin;
    }

    /** At most {@code limit} checkpoints below seq {@code before} (null: from the newest), newest first. */
    public List<AuditCheckpoint> newestFirst(Long before, int limit) {
        try (Connection c = db.getConnection()) {
            return AuditRows.checkpointsNewestFirst(c, before, limit);
        } catch (SQLException e) {
            throw new IllegalStateException("reading the audit checkpoints failed", e);
        }
    }

    /**
     * Signs the current head with {@link SigningKeys#current()} when it moved past the newest checkpoint and the rows
     * in between chain onto that checkpoint.
     *
     * @return the checkpoint written, or empty when there was nothing new to sign, the rows since the newest checkpoint
     *         do not verify, or another instance signed first
     */
    public Optional<AuditCheckpoint> checkpointNow() {
        return QuarkusTransaction.requiringNew().timeout(timeoutSeconds).call(() -> {
            try (Connection c = db.getConnection()) {
                if (!signingTurn(c)) return Optional.<AuditCheckpoint>empty();
                AuditHead head = AuditRows.head(c);
                AuditCheckpoint newest = AuditRows.newestCheckpoint(c);
                long newestSeq = newest == null ? 0 : newest.seq();
                if (head.seq() < newestSeq) {
                    LOG.warnf("audit head is at row %d, behind the checkpoint at row %d: not signing; verify the chain",
                            head.seq(), newestSeq);
                }
                if (head.seq() <= newestSeq || !tailVerifies(c, newest, head)) return Optional.empty();
                AuditCheckpoint checkpoint = AuditCheckpoint.signNote(origin, head.seq(), head.hash(), Instant.now(), newest, keys.current());
                return insert(c, checkpoint) ? Optional.of(checkpoint) : Optional.empty();
            }
        });
    }

    /** Whether the rows after {@code newest} (from the start when null) chain onto it and end exactly at {@code head}. */
    private boolean tailVerifies(Connection c, AuditCheckpoint newest, AuditHead head) throws SQLException, IOException {
        String problem = tailProblem(c, newest, head);
        metrics.verified(AuditMetrics.Check.CHECKPOINT, problem == null);
        if (problem != null) LOG.errorf("not signing an audit checkpoint at row %d: %s; verify the chain", head.seq(), problem);
        return problem == null;
    }

    private String tailProblem(Connection c, AuditCheckpoint newest, AuditHead head) throws SQLException, IOException {
        if (newest != null && !newest.signedBy(trusted.byId().get(newest.keyId()))) {
            return "the newest checkpoint (row " + newest.seq() + ") does not verify with a trusted key";
        }
        long from = newest == null ? 0 : newest.seq();
        ChainVerifier tail = ChainVerifier.continuing(from, newest == null ? AuditHasher.GENESIS : newest.headHash());
        AuditRows.stream(c, AuditSql.between(from, head.seq()), AuditQuery.FETCH_SIZE, event -> tail.accept(event.record(), event.hash()));
        ChainVerification verdict = tail.finish();
        if (verdict instanceof ChainVerification.Broken broken) return broken.reason();
        ChainVerification.Intact reached = (ChainVerification.Intact) verdict;
        if (reached.events() != head.seq()) return "the rows end at row " + reached.events() + " but the audit head records row " + head.seq();
        if (!reached.head().equals(head.hash())) return "the hash of row " + head.seq() + " differs from the audit head";
        return null;
    }

    /**
     * Whether this instance may sign now: another one holding the lock is signing (the same or a newer head), so this
     * round is skipped. Without it, two instances could read heads 100 and 105 and commit 105 before 100.
     */
    private static boolean signingTurn(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select pg_try_advisory_xact_lock(" + SIGNING_LOCK + ")");
             ResultSet r = s.executeQuery()) {
            r.next();
            return r.getBoolean(1);
        }
    }

    private static boolean insert(Connection c, AuditCheckpoint checkpoint) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                insert into audit_checkpoint (seq, head_hash, signed_at, key_id, signature, note) values (?, ?, ?, ?, ?, ?)
                on conflict (seq) do nothing""")) {
            s.setLong(1, checkpoint.seq());
            s.setString(2, checkpoint.headHash());
            s.setObject(3, OffsetDateTime.ofInstant(checkpoint.signedAt(), ZoneOffset.UTC));
            s.setString(4, checkpoint.keyId());
            s.setString(5, checkpoint.signature());
            s.setString(6, checkpoint.note());
            return s.executeUpdate() == 1;
        }
    }
}
