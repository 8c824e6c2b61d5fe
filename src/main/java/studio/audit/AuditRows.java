package studio.audit;

import java.io.IOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.postgresql.PGStatement;

/**
 * Reads audit_event rows straight from JDBC into {@link AuditEvent}s, one at a time: no entities, no persistence
 * context, so a million rows cost a million small objects that die young, not a million managed ones.
 */
final class AuditRows {

    /** Receives rows as they are read; returns false to stop reading. */
    @FunctionalInterface
    interface Reader {
        boolean next(AuditEvent event) throws IOException;
    }

    private AuditRows() {}

    /**
     * Streams the query's rows to {@code reader}. With autocommit off (inside a transaction) and a fetch size,
     * PostgreSQL sends the rows in batches of {@code fetchSize} through a server-side cursor instead of all at once.
     *
     * @return how many rows were read
     */
    static long stream(Connection c, AuditSql.Query query, int fetchSize, Reader reader) throws SQLException, IOException {
        try (PreparedStatement statement = c.prepareStatement(query.sql(), ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            statement.setFetchSize(fetchSize);
            binaryTransfer(statement);
            bind(statement, query.params());
            long count = 0;
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    count++;
                    if (!reader.next(event(rows))) break;
                }
            }
            return count;
        }
    }

    /** What audit_head records now. */
    static AuditHead head(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select seq, hash from audit_head where id = 1");
             ResultSet r = s.executeQuery()) {
            return r.next() ? new AuditHead(r.getLong(1), hash(r.getString(2))) : AuditHead.GENESIS;
        }
    }

    /** Every signed checkpoint, by seq. */
    static List<AuditCheckpoint> checkpoints(Connection c) throws SQLException {
        return checkpoints(c, "select " + CHECKPOINT + " from audit_checkpoint order by seq");
    }

    /** The checkpoint with the highest seq, or null when there is none. */
    static AuditCheckpoint newestCheckpoint(Connection c) throws SQLException {
        List<AuditCheckpoint> newest = checkpoints(c, "select " + CHECKPOINT + " from audit_checkpoint order by seq desc limit 1");
        return newest.isEmpty() ? null : newest.get(0);
    }

    /** At most {@code limit} checkpoints below seq {@code before} (null: from the newest), newest first. */
    static List<AuditCheckpoint> checkpointsNewestFirst(Connection c, Long before, int limit) throws SQLException {
        return checkpoints(c, "select " + CHECKPOINT + " from audit_checkpoint" + (before == null ? "" : " where seq < " + before)
                + " order by seq desc limit " + limit);
    }

    private static final String CHECKPOINT = "seq, head_hash, signed_at, key_id, signature, note";

    private static List<AuditCheckpoint> checkpoints(Connection c, String sql) throws SQLException {
        List<AuditCheckpoint> checkpoints = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                checkpoints.add(new AuditCheckpoint(r.getLong(1), hash(r.getString(2)),
                        r.getObject(3, OffsetDateTime.class).toInstant(), r.getString(4), r.getString(5), r.getString(6)));
            }
        }
        return checkpoints;
    }

    /**
     * PostgreSQL's JDBC driver asks for rows in binary form only once a statement is prepared on the server, by default
     * after five executions; a stream runs once, so ask for it now: decoding text[] and timestamptz from binary is
     * about twice as fast as parsing their text.
     */
    private static void binaryTransfer(PreparedStatement statement) throws SQLException {
        if (statement.isWrapperFor(PGStatement.class)) statement.unwrap(PGStatement.class).setPrepareThreshold(-1);
    }

    static void bind(PreparedStatement statement, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) statement.setObject(i + 1, params.get(i));
    }

    /** The current row, in the column order of {@link AuditSql#COLUMNS}. */
    static AuditEvent event(ResultSet row) throws SQLException {
        AuditRecord record = new AuditRecord(row.getLong(1), row.getObject(2, OffsetDateTime.class).toInstant(),
                row.getString(3), roles(row.getArray(4)), row.getString(5), row.getString(6), row.getString(7),
                row.getString(8), row.getString(9), hash(row.getString(10)));
        return new AuditEvent(record, hash(row.getString(11)));
    }

    private static List<String> roles(Array array) throws SQLException {
        if (array == null) return List.of();
        try {
            // a NULL element can only be tampering; keep the row readable so verification reports it
            return Arrays.stream((String[]) array.getArray()).map(r -> r == null ? "" : r).toList();
        } finally {
            array.free();
        }
    }

    /** char(64) pads a shorter (tampered) value with spaces; show it as it was written. */
    private static String hash(String stored) {
        return stored == null ? null : stored.stripTrailing();
    }
}
