package studio.persistence;

import jakarta.persistence.EntityManager;
import java.util.List;

/** Native statements with positional parameters bound in order, for the read models of the sprint and backlog pages. */
public final class Rows {

    private Rows() {}

    @SuppressWarnings("unchecked")
    public static List<Object[]> of(EntityManager em, String sql, List<?> params) {
        var q = em.createNativeQuery(numbered(sql));
        for (int i = 0; i < params.size(); i++) q.setParameter(i + 1, params.get(i));
        return q.getResultList();
    }

    public static Integer integer(Object value) {
        return value == null ? null : ((Number) value).intValue();
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
