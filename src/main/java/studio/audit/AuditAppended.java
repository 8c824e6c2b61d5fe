package studio.audit;

import org.hibernate.engine.spi.SharedSessionContractImplementor;

/**
 * Told of every row appended to the audit chain, synchronously, on the appending transaction's own session, right
 * after the row and while the audit head lock is held: whatever a listener writes commits or rolls back with the
 * event (the outbound events' outbox). A listener only inserts; it must not lock rows or call back into the log.
 */
public interface AuditAppended {

    void appended(AuditRecord record, SharedSessionContractImplementor session);
}
