package studio.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Native SQL as Studio writes it: plain {@code ?} placeholders bound in the order of the parameters given, and rows
 * read by column name through {@link Row}. Dynamic queries add conditions and their parameters side by side.
 */
public final class Rows {

    private Rows() {}

    public static <T> List<T> list(EntityManager em, String sql, Function<Row, T> row, Object... params) {
        return list(em, sql, Arrays.asList(params), row);
    }

    @SuppressWarnings("unchecked")
    public static <T> List<T> list(EntityManager em, String sql, List<?> params, Function<Row, T> row) {
        List<Tuple> tuples = bind(em.createNativeQuery(numbered(sql), Tuple.class), params).getResultList();
        return tuples.stream().map(t -> row.apply(new Row(t))).toList();
    }

    /** The first row, if any. */
    public static <T> Optional<T> first(EntityManager em, String sql, Function<Row, T> row, Object... params) {
        return list(em, sql, row, params).stream().findFirst();
    }

    /** An insert, update or delete; answers how many rows it changed. */
    public static int update(EntityManager em, String sql, Object... params) {
        return bind(em.createNativeQuery(numbered(sql)), Arrays.asList(params)).executeUpdate();
    }

    private static Query bind(Query q, List<?> params) {
        for (int i = 0; i < params.size(); i++) q.setParameter(i + 1, params.get(i));
        return q;
    }

    /** "? and ?" -> "?1 and ?2": Hibernate wants JPA-style ordinal parameters in native queries. */
    public static String numbered(String sql) {
        StringBuilder out = new StringBuilder(sql.length() + 16);
        int n = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            out.append(c);
            if (c == '?' && (i + 1 == sql.length() || !Character.isDigit(sql.charAt(i + 1)))) out.append(++n);
        }
        return out.toString();
    }
}
