package studio.persistence;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Numbers a Prometheus scrape reads from the database: one statement answering {@code (name, value)} rows, run when a
 * gauge asks and reused for a second, so the many gauges of one scrape cost one query. A name the statement did not
 * answer is 0 (a group-by has no row for an empty group); when the database cannot answer, every name is NaN and the
 * scrape still succeeds (the database's own state is on /q/health/ready).
 */
public final class DatabaseFigures {

    private static final Logger LOG = Logger.getLogger(DatabaseFigures.class);
    private static final long FRESH_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final int TIMEOUT_SECONDS = 5;

    private final DataSource db;
    private final String sql;
    private Map<String, Double> figures; // null: the last read failed
    private long readAt;
    private boolean read;

    public DatabaseFigures(DataSource db, String sql) {
        this.db = db;
        this.sql = sql;
    }

    /**
     * For each of {@code values}, two gauges read from these figures: {@code name{tag=value}} (the figure named
     * value: how many) and {@code name.oldest.seconds{tag=value}} (the figure named value.oldest: how long the oldest).
     */
    public void registerCountAndOldest(MeterRegistry registry, String name, String tag, Iterable<String> values, String counts,
                                       String oldest) {
        for (String value : values) {
            Gauge.builder(name, this, f -> f.get(value)).tag(tag, value).strongReference(true).description(counts).register(registry);
            Gauge.builder(name + ".oldest.seconds", this, f -> f.get(value + ".oldest")).tag(tag, value).strongReference(true)
                    .description(oldest).register(registry);
        }
    }

    public synchronized double get(String name) {
        if (!read || System.nanoTime() - readAt > FRESH_NANOS) {
            figures = read();
            readAt = System.nanoTime();
            read = true;
        }
        return figures == null ? Double.NaN : figures.getOrDefault(name, 0.0);
    }

    private Map<String, Double> read() {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.setQueryTimeout(TIMEOUT_SECONDS);
            Map<String, Double> out = new HashMap<>();
            try (ResultSet r = s.executeQuery(sql)) {
                while (r.next()) out.put(r.getString(1), r.getDouble(2));
            }
            return out;
        } catch (SQLException | RuntimeException e) {
            LOG.debugf(e, "metrics query failed: %s", e.getMessage());
            return null;
        }
    }
}
