package studio.audit;

/**
 * One stored row of the audit trail as readers see it: the hashed content and the hash stored with it when it was
 * appended. Listing, export and verification all read rows in this shape.
 */
public record AuditEvent(AuditRecord record, String hash) {

    public long seq() {
        return record.seq();
    }
}
