package studio.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hibernate.engine.spi.SessionImplementor;
import studio.audit.AuditEntry.Subject;
import studio.governance.Actor;

/**
 * Appends to the hash-chained audit trail inside the caller's transaction, so an event is recorded exactly when
 * the change it describes commits. Appends are serialized by the single audit_head row. Entries recorded during a
 * transaction are buffered and written just before it commits, so the head lock is always the LAST lock a
 * transaction takes (taking it earlier, then a milestone's row lock, would deadlock against a transaction doing
 * the opposite) and is held only for the commit.
 */
@ApplicationScoped
public class AuditLog {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EntityManager em;

    @Inject
    TransactionSynchronizationRegistry registry;

    @Inject
    @Any
    Instance<AuditAppended> listeners;

    private record Pending(Actor actor, AuditEntry entry) {}

    /** Buffers the entry; it is written, chained, just before the current transaction commits. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Actor actor, AuditEntry entry) {
        buffer().add(new Pending(actor, entry));
    }

    /**
     * Appends at once and answers the new sequence number. Only for a transaction that records the audit entry and
     * takes no other row lock after it (a refusal, a verification, a test), where holding the head lock until commit
     * cannot deadlock.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long recordNow(Actor actor, AuditEntry entry) {
        em.joinTransaction();
        return append(em.unwrap(SessionImplementor.class), actor, entry);
    }

    /**
     * The transaction's buffer; on first use an {@link AppendBeforeCommit} synchronization is registered with the
     * transaction, which appends it just before the transaction commits, on the transaction's own session.
     */
    @SuppressWarnings("unchecked")
    private List<Pending> buffer() {
        List<Pending> pending = (List<Pending>) registry.getResource(AuditLog.class);
        if (pending != null) return pending;
        List<Pending> fresh = new ArrayList<>();
        registry.putResource(AuditLog.class, fresh);
        em.joinTransaction(); // the session must take part in the transaction: its changes commit with the entries
        registry.registerInterposedSynchronization(new AppendBeforeCommit(em.unwrap(SessionImplementor.class), fresh));
        return fresh;
    }

    /**
     * Appends a transaction's buffered entries before it commits. An interposed synchronization runs after the
     * ordinary ones (Hibernate's own, which flushes the session), but the session is flushed here first anyway: every
     * row lock the transaction's changes take must be taken before the head lock, whatever order synchronizations run
     * in. A failure marks the transaction rollback-only and is rethrown, so the transaction manager rolls back: no
     * change commits without its audit entry.
     */
    private final class AppendBeforeCommit implements Synchronization {

        private final SessionImplementor session;
        private final List<Pending> entries;

        AppendBeforeCommit(SessionImplementor session, List<Pending> entries) {
            this.session = session;
            this.entries = entries;
        }

        @Override
        public void beforeCompletion() {
            if (registry.getTransactionStatus() == Status.STATUS_MARKED_ROLLBACK) return; // nothing will commit
            try {
                session.flush();
                appendAll(session, entries);
            } catch (RuntimeException e) {
                registry.setRollbackOnly();
                throw e;
            } finally {
                // Hibernate hands its connection back in its own before-completion step (the connection handling mode
                // Quarkus sets), which ran before this one: hand back the connection the append took in the same way,
                // or the pool finds it still open at commit and logs a warning for every audited commit
                session.getJdbcCoordinator().getLogicalConnection().beforeTransactionCompletion();
            }
        }

        @Override
        public void afterCompletion(int status) {
            // the entries committed or rolled back with the transaction; nothing to do
        }
    }

    private long append(SessionImplementor em, Actor actor, AuditEntry entry) {
        return appendAll(em, List.of(new Pending(actor, entry)));
    }

    /** Chains the entries onto the head in order; the head row is locked (and read) once, however many there are. */
    private long appendAll(SessionImplementor em, List<Pending> entries) {
        if (entries.isEmpty()) return 0;
        Object[] head = (Object[]) em.createNativeQuery("select seq, hash from audit_head where id = 1 for update")
                .getSingleResult();
        long seq = ((Number) head[0]).longValue();
        String prev = ((String) head[1]).trim();
        for (Pending p : entries) {
            seq++;
            AuditRecord row = new AuditRecord(seq, Instant.now().truncatedTo(ChronoUnit.MICROS), p.actor().name(),
                    p.actor().roles().stream().sorted().toList(), p.entry().subject().type(), p.entry().subject().id(),
                    p.entry().type(), p.entry().traceId(), payload(p.entry()), prev);
            prev = AuditHasher.hash(row);
            insert(em, row, prev, subjects(p.entry()));
            listeners.forEach(l -> l.appended(row, em));
        }
        return seq;
    }

    /**
     * The row, its subjects and the new head in ONE statement: every other appender waits on the head lock while this
     * runs, so each round trip saved here is saved for all of them (ingest throughput is bounded by this hold time).
     */
    private static void insert(SessionImplementor em, AuditRecord r, String hash, List<Subject> subjects) {
        em.createNativeQuery("""
                with event as (
                    insert into audit_event (seq, occurred_at, actor, actor_roles, subject_type, subject_id, type, trace_id,
                                             payload, prev_hash, hash)
                    values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)),
                subject as (
                    insert into audit_subject (subject_type, subject_id, seq)
                    select s.type, s.id, ?1 from unnest(cast(?12 as text[]), cast(?13 as text[])) as s(type, id)
                    on conflict do nothing)
                update audit_head set seq = ?1, hash = ?11 where id = 1""")
                .setParameter(1, r.seq()).setParameter(2, r.occurredAt()).setParameter(3, r.actor())
                .setParameter(4, r.actorRoles().toArray(String[]::new)).setParameter(5, r.subjectType())
                .setParameter(6, r.subjectId()).setParameter(7, r.type()).setParameter(8, r.traceId())
                .setParameter(9, r.payloadJson()).setParameter(10, r.prevHash()).setParameter(11, hash)
                .setParameter(12, subjects.stream().map(Subject::type).toArray(String[]::new))
                .setParameter(13, subjects.stream().map(Subject::id).toArray(String[]::new))
                .executeUpdate();
    }

    private static List<Subject> subjects(AuditEntry entry) {
        Set<Subject> all = new LinkedHashSet<>();
        if (entry.subject().id() != null) all.add(entry.subject());
        entry.related().stream().filter(s -> s.id() != null).forEach(all::add);
        return List.copyOf(all);
    }

    private static String payload(AuditEntry entry) {
        try {
            return CanonicalJson.canonicalize(JSON.writeValueAsString(entry.payload() == null ? JSON.createObjectNode() : entry.payload()));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit payload is not serializable", e);
        }
    }
}
