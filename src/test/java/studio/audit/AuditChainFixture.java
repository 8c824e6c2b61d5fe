package studio.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A well-formed chain of rows with their stored hashes, and the tampering an attacker with database access could do. */
final class AuditChainFixture {

    record Row(AuditRecord record, String hash) {}

    private AuditChainFixture() {}

    static List<Row> chain(int rows) {
        List<Row> chain = new ArrayList<>();
        String prev = AuditHasher.GENESIS;
        for (long seq = 1; seq <= rows; seq++) {
            Row row = seal(record(seq, prev));
            chain.add(row);
            prev = row.hash();
        }
        return chain;
    }

    static AuditRecord record(long seq, String prevHash) {
        return new AuditRecord(seq, Instant.parse("2025-05-14T10:00:00Z").plusSeconds(seq), "ci", List.of("ci"), "milestone",
                "mvp-ready", "SprintClosed", "trace-" + seq, "{\"sprint\":\"s" + seq + "\"}", prevHash);
    }

    static Row seal(AuditRecord record) {
        return new Row(record, AuditHasher.hash(record));
    }

    /** The row with its actor changed, keeping its stored hash (a naive edit). */
    static Row altered(Row row) {
        return new Row(withActor(row.record(), "mallory"), row.hash());
    }

    /** The row with its actor changed and its stored hash recomputed (an edit that covers its own tracks). */
    static Row alteredAndRehashed(Row row) {
        return seal(withActor(row.record(), "mallory"));
    }

    /** Rebuilds every row from {@code fromIndex} on so the chain is consistent again after an edit: a full rewrite. */
    static List<Row> rechain(List<Row> rows, int fromIndex) {
        List<Row> out = new ArrayList<>(rows.subList(0, fromIndex));
        String prev = fromIndex == 0 ? AuditHasher.GENESIS : rows.get(fromIndex - 1).hash();
        for (Row row : rows.subList(fromIndex, rows.size())) {
            AuditRecord r = row.record();
            Row sealed = seal(new AuditRecord(r.seq(), r.occurredAt(), r.actor(), r.actorRoles(), r.subjectType(), r.subjectId(),
                    r.type(), r.traceId(), r.payloadJson(), prev));
            out.add(sealed);
            prev = sealed.hash();
        }
        return out;
    }

    static AuditRecord withActor(AuditRecord r, String actor) {
        return new AuditRecord(r.seq(), r.occurredAt(), actor, r.actorRoles(), r.subjectType(), r.subjectId(), r.type(),
                r.traceId(), r.payloadJson(), r.prevHash());
    }

    static AuditRecord withSeq(AuditRecord r, long seq) {
        return new AuditRecord(seq, r.occurredAt(), r.actor(), r.actorRoles(), r.subjectType(), r.subjectId(), r.type(),
                r.traceId(), r.payloadJson(), r.prevHash());
    }
}
