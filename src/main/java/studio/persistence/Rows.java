package studio.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TransactionRequiredException;
import jakarta.persistence.Tuple;
import jakarta.persistence.TupleElement;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.hibernate.FlushMode;
import org.hibernate.HibernateException;
import org.hibernate.engine.jdbc.spi.JdbcCoordinator;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.postgresql.util.PGobject;

/**
 * Native SQL as Studio writes it: plain {@code ?} placeholders bound in the order of the parameters given, and rows
 * read by column name through {@link Row}. Dynamic queries add conditions and their parameters side by side.
 * <p>
 * Statements run on the session's own JDBC connection through Hibernate's statement preparer, so they take part in
 * the session's transaction, pass its statement inspector and its SQL logging, and fail with the exceptions a native
 * query would (a unique violation, a lost connection, a lock timeout). As with a native query through the
 * EntityManager, the session is flushed first inside a transaction, so a statement sees the entity changes made before
 * it. What is skipped is Hibernate's result mapping, which resolved every column's type again on each execution and
 * cost more CPU than the statement itself: a row's values are read as the driver returns them and {@link Row} converts
 * them.
 */
public final class Rows {

    private Rows() {}

    public static <T> List<T> list(EntityManager em, String sql, Function<Row, T> row, Object... params) {
        return list(em, sql, Arrays.asList(params), row);
    }

    public static <T> List<T> list(EntityManager em, String sql, List<?> params, Function<Row, T> row) {
        SharedSessionContractImplementor session = em.unwrap(SharedSessionContractImplementor.class);
        return run(session, sql, params, false, (ps, coordinator) -> {
            List<T> out = new ArrayList<>();
            ResultSet rs = coordinator.getResultSetReturn().extract(ps, sql);
            try {
                ResultSetMetaData md = rs.getMetaData();
                Columns columns = Columns.of(md);
                while (rs.next()) {
                    Object[] values = new Object[columns.size()];
                    for (int i = 0; i < values.length; i++) values[i] = value(rs.getObject(i + 1));
                    out.add(row.apply(new Row(new Values(columns, values))));
                }
            } finally {
                coordinator.getLogicalConnection().getResourceRegistry().release(rs, ps);
            }
            return out;
        });
    }

    /** The first row, if any. */
    public static <T> Optional<T> first(EntityManager em, String sql, Function<Row, T> row, Object... params) {
        return list(em, sql, row, params).stream().findFirst();
    }

    /** An insert, update or delete; answers how many rows it changed. Only inside a transaction. */
    public static int update(EntityManager em, String sql, Object... params) {
        SharedSessionContractImplementor session = em.unwrap(SharedSessionContractImplementor.class);
        return run(session, sql, Arrays.asList(params), true,
                (ps, coordinator) -> coordinator.getResultSetReturn().executeUpdate(ps, sql));
    }

    private interface Statement<T> {
        T execute(PreparedStatement ps, JdbcCoordinator coordinator) throws SQLException;
    }

    private static <T> T run(SharedSessionContractImplementor session, String sql, List<?> params, boolean update, Statement<T> work) {
        boolean inTransaction = session.isTransactionInProgress();
        if (update && !inTransaction) throw new TransactionRequiredException("Executing an update/delete query");
        try {
            if (inTransaction && session.getHibernateFlushMode() != FlushMode.MANUAL) session.flush();
            JdbcCoordinator coordinator = session.getJdbcCoordinator();
            PreparedStatement ps = coordinator.getStatementPreparer().prepareStatement(sql);
            try {
                Connection connection = ps.getConnection();
                for (int i = 0; i < params.size(); i++) bind(connection, ps, i + 1, params.get(i));
                return work.execute(ps, coordinator);
            } catch (SQLException e) {
                throw session.getJdbcServices().getSqlExceptionHelper().convert(e, "could not execute statement", sql);
            } finally {
                coordinator.getLogicalConnection().getResourceRegistry().release(ps);
                coordinator.afterStatementExecution();
            }
        } catch (HibernateException e) {
            throw session.getExceptionConverter().convert(e);
        }
    }

    /** Binds a parameter as PostgreSQL should see it: times as timestamptz, string arrays as text[], null untyped. */
    static void bind(Connection connection, PreparedStatement ps, int index, Object value) throws SQLException {
        if (value == null) ps.setNull(index, Types.NULL);
        else if (value instanceof Instant t) ps.setObject(index, OffsetDateTime.ofInstant(t, ZoneOffset.UTC));
        else if (value instanceof String[] a) ps.setArray(index, connection.createArrayOf("text", a));
        else if (value instanceof Long[] a) ps.setArray(index, connection.createArrayOf("bigint", a));
        else if (value instanceof Integer[] a) ps.setArray(index, connection.createArrayOf("integer", a));
        else if (value instanceof long[] a) ps.setArray(index, connection.createArrayOf("bigint", Arrays.stream(a).boxed().toArray()));
        else if (value instanceof Enum<?> e) ps.setString(index, e.name());
        else if (value instanceof Character c) ps.setString(index, c.toString());
        else ps.setObject(index, value);
    }

    /** What the driver returned, in the shapes {@link Row} reads: arrays as Java arrays, json and other PostgreSQL types as text. */
    private static Object value(Object v) throws SQLException {
        if (v instanceof Array a) {
            try {
                return a.getArray();
            } finally {
                a.free();
            }
        }
        if (v instanceof PGobject o) return o.getValue();
        return v;
    }

    /** A result's column labels and their positions. */
    private record Columns(Map<String, Integer> index, int size) {

        static Columns of(ResultSetMetaData md) throws SQLException {
            int n = md.getColumnCount();
            Map<String, Integer> index = new HashMap<>(n * 2);
            for (int i = n; i >= 1; i--) index.put(md.getColumnLabel(i), i - 1); // the first of two equal labels wins
            return new Columns(index, n);
        }
    }

    /** One row's values as a Tuple, read by column label as a native query's Tuple is. */
    private record Values(Columns columns, Object[] values) implements Tuple {

        @Override
        public Object get(String alias) {
            Integer i = columns.index().get(alias);
            if (i == null) throw new IllegalArgumentException("no column " + alias + " in " + columns.index().keySet());
            return values[i];
        }

        @Override
        public <X> X get(String alias, Class<X> type) {
            return type.cast(get(alias));
        }

        @Override
        public Object get(int i) {
            return values[i];
        }

        @Override
        public <X> X get(int i, Class<X> type) {
            return type.cast(values[i]);
        }

        @Override
        public <X> X get(TupleElement<X> element) {
            return element.getJavaType().cast(get(element.getAlias()));
        }

        @Override
        public Object[] toArray() {
            return values.clone();
        }

        @Override
        public List<TupleElement<?>> getElements() {
            throw new UnsupportedOperationException("read a row by its column names");
        }
    }
}
