package studio.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import studio.signing.SigningKeys;

/**
 * Signs the audit chain's head into audit_checkpoint whenever it moved, so deleting the newest rows or rewriting
 * history together with every later row is caught by verification. Several instances may run this against one
 * database: one signs at a time (a transaction-scoped advisory lock; the others skip that round), so checkpoints only
 * ever move forward, and the checkpoint's key is its seq.
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

    @Scheduled(identity = "audit-checkpoint", every = "${studio.audit.checkpoint-every:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        checkpointNow().ifPresent(c -> LOG.debugf("signed audit checkpoint at row %d", c.seq()));
    }

    /**
     * Signs the current head with {@link SigningKeys#current()} when it moved past the newest checkpoint.
     *
     * @return the checkpoint written, or empty when there was nothing new to sign or another instance signed it first
     */
    public Optional<AuditCheckpoint> checkpointNow() {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = db.getConnection()) {
                if (!signingTurn(c)) return Optional.<AuditCheckpoint>empty();
                AuditHead head = AuditRows.head(c);
                long newest = newestCheckpoint(c);
                if (head.seq() < newest) {
                    LOG.warnf("audit head is at row %d, behind the checkpoint at row %d: not signing; verify the chain",
                            head.seq(), newest);
                }
                if (head.seq() <= newest) return Optional.empty();
                AuditCheckpoint checkpoint = AuditCheckpoint.sign(head.seq(), head.hash(), Instant.now(), keys.current());
                return insert(c, checkpoint) ? Optional.of(checkpoint) : Optional.empty();
            }
        });
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

    /** The newest checkpoint's seq, 0 when there is none (the empty chain needs no signature). */
    private static long newestCheckpoint(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select coalesce(max(seq), 0) from audit_checkpoint");
             ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    private static boolean insert(Connection c, AuditCheckpoint checkpoint) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                insert into audit_checkpoint (seq, head_hash, signed_at, key_id, signature) values (?, ?, ?, ?, ?)
                on conflict (seq) do nothing""")) {
            s.setLong(1, checkpoint.seq());
            s.setString(2, checkpoint.headHash());
            s.setObject(3, OffsetDateTime.ofInstant(checkpoint.signedAt(), ZoneOffset.UTC));
            s.setString(4, checkpoint.keyId());
            s.setString(5, checkpoint.signature());
            return s.executeUpdate() == 1;
        }
    }
}
