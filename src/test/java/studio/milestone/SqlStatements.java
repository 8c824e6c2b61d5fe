package studio.milestone;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Counts every SQL statement Hibernate prepares (entity queries and native ones alike), so a test can show how many
 * statements a page costs. Test code only: it is part of the application under test, never of the product.
 */
@PersistenceUnitExtension
@ApplicationScoped
public class SqlStatements implements StatementInspector {

    private static final AtomicLong COUNT = new AtomicLong();
    /** While a test watches for a statement's text: how many statements contained it. */
    private static volatile String watched;
    private static final AtomicLong MATCHED = new AtomicLong();
    /** While a test records: every statement's text, in order. */
    private static volatile java.util.List<String> recorded;

    @Override
    public String inspect(String sql) {
        COUNT.incrementAndGet();
        String w = watched;
        if (w != null && sql.contains(w)) MATCHED.incrementAndGet();
        java.util.List<String> r = recorded;
        if (r != null) r.add(sql);
        return sql;
    }

    /** How many statements containing {@code fragment} the request issued (tests run one request at a time). */
    public static synchronized long containing(String fragment, Runnable request) {
        MATCHED.set(0);
        watched = fragment;
        try {
            request.run();
        } finally {
            watched = null;
        }
        return MATCHED.get();
    }

    /** The text of every statement the request issued, in order (tests run one request at a time). */
    public static synchronized java.util.List<String> recording(Runnable request) {
        java.util.List<String> texts = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        recorded = texts;
        try {
            request.run();
        } finally {
            recorded = null;
        }
        return java.util.List.copyOf(texts);
    }

    public static long count() {
        return COUNT.get();
    }
}
