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

    @Override
    public String inspect(String sql) {
        COUNT.incrementAndGet();
        return sql;
    }

    static long count() {
        return COUNT.get();
    }
}
