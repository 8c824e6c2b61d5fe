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

    /**
     * Chains the entries onto the head in order and writes them all, their subjects and the new head in one statement:
     * the head row is locked (and read) once, however many there are, and every other appender waits on that lock only
     * for two round trips (ingest throughput is bounded by this hold time). Listeners are told of each row after.
     */
    private long appendAll(SessionImplementor em, List<Pending> entries) {
        if (entries.isEmpty()) return 0;
        Object[] head = (Object[]) em.createNativeQuery("select seq, hash from audit_head where id = 1 for update")
                .getSingleResult();
        long seq = ((Number) head[0]).longValue();
        String prev = ((String) head[1]).trim();
        AppendedRows rows = new AppendedRows(entries.size());
        List<AuditRecord> appended = new ArrayList<>(entries.size());
        for (Pending p : entries) {
            seq++;
            AuditRecord row = new AuditRecord(seq, Instant.now().truncatedTo(ChronoUnit.MICROS), p.actor().name(),
                    p.actor().roles().stream().sorted().toList(), p.entry().subject().type(), p.entry().subject().id(),
                    p.entry().type(), p.entry().traceId(), payload(p.entry()), prev);
            prev = AuditHasher.hash(row);
            rows.add(row, prev, subjects(p.entry()));
            appended.add(row);
        }
        rows.insert(em);
        for (AuditRecord row : appended) listeners.forEach(l -> l.appended(row, em));
        return seq;
    }

    /** The rows of one append as column arrays, for one multi-row insert. */
    private static final class AppendedRows {

        /** Joins a row's roles into one array element (roles are names without it; PostgreSQL splits them again). */
        private static final String ROLE_SEPARATOR = "\u001f";

        private final List<AuditRecord> records;
        private final List<String> hashes;
        private final List<String> subjectSeq = new ArrayList<>();
        private final List<String> subjectType = new ArrayList<>();
        private final List<String> subjectId = new ArrayList<>();

        AppendedRows(int size) {
            records = new ArrayList<>(size);
            hashes = new ArrayList<>(size);
        }

        void add(AuditRecord row, String hash, List<Subject> subjects) {
            records.add(row);
            hashes.add(hash);
            for (Subject s : subjects) {
                subjectSeq.add(Long.toString(row.seq()));
                subjectType.add(s.type());
                subjectId.add(s.id());
            }
        }

        private <T> String[] column(java.util.function.Function<AuditRecord, T> field) {
            return records.stream().map(r -> {
                T v = field.apply(r);
                return v == null ? null : v.toString();
            }).toArray(String[]::new);
        }

        void insert(SessionImplementor em) {
            AuditRecord last = records.get(records.size() - 1);
            em.createNativeQuery("""
                    with event as (
                        insert into audit_event (seq, occurred_at, actor, actor_roles, subject_type, subject_id, type, trace_id,
                                                 payload, prev_hash, hash)
                        select cast(e.seq as bigint), cast(e.occurred_at as timestamptz), e.actor,
                               string_to_array(e.roles, ?12), e.subject_type, e.subject_id, e.type, e.trace_id, e.payload,
                               e.prev_hash, e.hash
                        from unnest(cast(?1 as text[]), cast(?2 as text[]), cast(?3 as text[]), cast(?4 as text[]),
                                    cast(?5 as text[]), cast(?6 as text[]), cast(?7 as text[]), cast(?8 as text[]),
                                    cast(?9 as text[]), cast(?10 as text[]), cast(?11 as text[]))
                             as e(seq, occurred_at, actor, roles, subject_type, subject_id, type, trace_id, payload, prev_hash, hash)),
                    subject as (
                        insert into audit_subject (subject_type, subject_id, seq)
                        select s.type, s.id, cast(s.seq as bigint)
                        from unnest(cast(?13 as text[]), cast(?14 as text[]), cast(?15 as text[])) as s(type, id, seq)
                        on conflict do nothing)
                    update audit_head set seq = ?16, hash = ?17 where id = 1""")
                    .setParameter(1, column(AuditRecord::seq)).setParameter(2, column(AuditRecord::occurredAt))
                    .setParameter(3, column(AuditRecord::actor))
                    .setParameter(4, column(r -> String.join(ROLE_SEPARATOR, r.actorRoles())))
                    .setParameter(5, column(AuditRecord::subjectType)).setParameter(6, column(AuditRecord::subjectId))
                    .setParameter(7, column(AuditRecord::type)).setParameter(8, column(AuditRecord::traceId))
                    .setParameter(9, column(AuditRecord::payloadJson)).setParameter(10, column(AuditRecord::prevHash))
                    .setParameter(11, hashes.toArray(String[]::new)).setParameter(12, ROLE_SEPARATOR)
                    .setParameter(13, subjectType.toArray(String[]::new)).setParameter(14, subjectId.toArray(String[]::new))
                    .setParameter(15, subjectSeq.toArray(String[]::new))
                    .setParameter(16, last.seq()).setParameter(17, hashes.get(hashes.size() - 1))
                    .executeUpdate();
        }
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
