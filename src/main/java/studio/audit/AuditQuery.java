package studio.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads the audit trail for people and programs: newest-first pages (keyset on seq, one query per page) and whole
 * filtered exports streamed from a database cursor, oldest first. Shared by the API and the browser timeline.
 */
@ApplicationScoped
public class AuditQuery {

    /** Rows per round trip when streaming: large enough that the network is not the bottleneck, small in memory. */
    static final int FETCH_SIZE = 10_000;

    @Inject
    DataSource db;

    /** An export or verification may take minutes on a large trail; its read-only transaction may stay open that long. */
    @ConfigProperty(name = "studio.audit.stream-timeout-seconds", defaultValue = "3600")
    int streamTimeoutSeconds;

    /** One page, newest first; {@code next} is set only when older matching events exist. */
    public AuditPage page(AuditPageRequest request) {
        AuditSql.Query query = AuditSql.newestFirst(request.filter(), request.after(), request.limit() + 1);
        List<AuditEvent> events = new ArrayList<>(request.limit() + 1);
        try (Connection c = db.getConnection()) {
            AuditRows.stream(c, query, request.limit() + 1, events::add);
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("reading the audit trail failed", e);
        }
        if (events.size() <= request.limit()) return new AuditPage(events, null);
        List<AuditEvent> page = events.subList(0, request.limit());
        return new AuditPage(page, Long.toString(page.get(page.size() - 1).seq()));
    }

    /** The event at {@code seq}, if there is one (the newest event below seq + 1). */
    public java.util.Optional<AuditEvent> one(long seq) {
        if (seq < 1 || seq == Long.MAX_VALUE) return java.util.Optional.empty();
        return page(new AuditPageRequest(AuditFilter.EVERYTHING, seq + 1, 1)).events().stream().filter(e -> e.seq() == seq).findFirst();
    }

    /**
     * Writes every event matching {@code filter}, oldest first (chain order), as rows arrive from the database.
     *
     * @return how many events were written
     * @throws UncheckedIOException when the output fails (the client went away)
     */
    public long export(AuditFilter filter, AuditEventWriter out) {
        long written = streamInReadTransaction(c -> AuditRows.stream(c, AuditSql.oldestFirst(filter), FETCH_SIZE, event -> {
            out.write(event);
            return true;
        }));
        try {
            out.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return written;
    }

    /** Work on one connection that needs a server-side cursor, hence a transaction (autocommit off). */
    @FunctionalInterface
    interface StreamingWork<T> {
        T run(Connection connection) throws SQLException, IOException;
    }

    <T> T streamInReadTransaction(StreamingWork<T> work) {
        return QuarkusTransaction.requiringNew().timeout(streamTimeoutSeconds).call(() -> {
            try (Connection c = db.getConnection()) {
                return work.run(c);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
