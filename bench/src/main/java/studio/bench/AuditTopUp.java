package studio.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import studio.audit.AuditHasher;
import studio.audit.AuditRecord;

/**
 * Tops the audit trail up to a given number of events for the benchmark, chained exactly as AuditLog chains them
 * (AuditHasher over the same ten fields, each row's prev_hash the hash of the row before), with COPY because a
 * million single inserts would take longer than the whole benchmark. Holds the head lock for the whole top-up, so
 * nothing else can append in between, and moves the head at the end: afterwards the chain verifies like any other.
 */
final class AuditTopUp {

    private static final String[] TYPES = {"GatesEvaluated", "SprintCheckpointReceived", "ExecutionMetadataReceived",
            "QaReportReceived", "TraceMatrixReceived", "GateSignal"};
    private static final int CHUNK = 20_000;

    record Result(long from, long to, long millis) {}

    private AuditTopUp() {}

    static Result to(DataSource db, long total) throws SQLException {
        long t0 = System.nanoTime();
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            long[] seq = new long[1];
            String[] hash = new String[1];
            head(c, seq, hash);
            long from = seq[0] + 1;
            List<String> milestones = milestones(c);
            Instant start = Instant.now().truncatedTo(ChronoUnit.MICROS);
            PGConnection pg = c.unwrap(PGConnection.class);
            StringBuilder events = new StringBuilder(), subjects = new StringBuilder();
            for (long s = from; s <= total; s++) {
                String milestone = milestones.isEmpty() ? null : milestones.get((int) (s % milestones.size()));
                AuditRecord r = new AuditRecord(s, start.plus(s - from, ChronoUnit.MICROS), "ci", List.of("ci"),
                        milestone == null ? "system" : "milestone", milestone, TYPES[(int) (s % TYPES.length)], "trace-bench-" + (s % 997),
                        "{\"bench\":true,\"milestone\":" + (milestone == null ? "null" : "\"" + milestone + "\"") + ",\"n\":" + s + "}", hash[0]);
                hash[0] = AuditHasher.hash(r);
                row(events, r, hash[0]);
                if (milestone != null) subjects.append("milestone\t").append(milestone).append('\t').append(s).append('\n');
                if ((s - from) % CHUNK == CHUNK - 1) flush(pg, events, subjects);
            }
            flush(pg, events, subjects);
            try (PreparedStatement u = c.prepareStatement("update audit_head set seq = ?, hash = ? where id = 1")) {
                u.setLong(1, Math.max(total, from - 1));
                u.setString(2, hash[0]);
                u.executeUpdate();
            }
            c.commit();
            return new Result(from, total, (System.nanoTime() - t0) / 1_000_000);
        }
    }

    private static void head(Connection c, long[] seq, String[] hash) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select seq, hash from audit_head where id = 1 for update");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            seq[0] = rs.getLong("seq");
            hash[0] = rs.getString("hash").trim();
        }
    }

    private static List<String> milestones(Connection c) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select id from milestone order by id"); ResultSet rs = s.executeQuery()) {
            while (rs.next()) ids.add(rs.getString("id"));
        }
        return ids;
    }

    /** One COPY text-format line; the generated values contain no tab, newline or backslash. */
    private static void row(StringBuilder out, AuditRecord r, String hash) {
        out.append(r.seq()).append('\t').append(AuditHasher.instant(r.occurredAt())).append('\t').append(r.actor()).append("\t{ci}\t")
                .append(r.subjectType()).append('\t').append(r.subjectId() == null ? "\\N" : r.subjectId()).append('\t').append(r.type())
                .append('\t').append(r.traceId()).append('\t').append(r.payloadJson()).append('\t').append(r.prevHash()).append('\t')
                .append(hash).append('\n');
    }

    private static void flush(PGConnection pg, StringBuilder events, StringBuilder subjects) throws SQLException {
        copy(pg, "copy audit_event (seq, occurred_at, actor, actor_roles, subject_type, subject_id, type, trace_id, payload, prev_hash, hash) from stdin", events);
        copy(pg, "copy audit_subject (subject_type, subject_id, seq) from stdin", subjects);
    }

    private static void copy(PGConnection pg, String sql, StringBuilder data) throws SQLException {
        if (data.length() == 0) return;
        CopyIn in = pg.getCopyAPI().copyIn(sql);
        byte[] bytes = data.toString().getBytes(StandardCharsets.UTF_8);
        in.writeToCopy(bytes, 0, bytes.length);
        in.endCopy();
        data.setLength(0);
    }
}
