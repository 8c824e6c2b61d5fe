package studio.persistence;

import jakarta.persistence.Tuple;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/**
 * One row of a native query, read by column name, never by position: a column added to a query cannot shift another.
 * Each getter converts what PostgreSQL hands back to the type Studio keeps; a SQL null is null (or an empty list).
 */
public final class Row {

    private final Tuple tuple;

    Row(Tuple tuple) {
        this.tuple = tuple;
    }

    private Object value(String column) {
        return tuple.get(column);
    }

    public String text(String column) {
        Object v = value(column);
        return v == null ? null : v.toString();
    }

    public Long number(String column) {
        Object v = value(column);
        return v == null ? null : ((Number) v).longValue();
    }

    public Integer integer(String column) {
        Object v = value(column);
        return v == null ? null : ((Number) v).intValue();
    }

    public Double decimal(String column) {
        Object v = value(column);
        return v == null ? null : ((Number) v).doubleValue();
    }

    public BigDecimal exact(String column) {
        Object v = value(column);
        return v == null ? null : v instanceof BigDecimal b ? b : new BigDecimal(v.toString());
    }

    public boolean flag(String column) {
        return Boolean.TRUE.equals(value(column));
    }

    public Instant instant(String column) {
        Object v = value(column);
        if (v == null || v instanceof Instant) return (Instant) v;
        if (v instanceof OffsetDateTime o) return o.toInstant();
        if (v instanceof Timestamp t) return t.toInstant();
        throw new IllegalStateException(column + " is a " + v.getClass().getName() + ", not a time");
    }

    public LocalDate date(String column) {
        Object v = value(column);
        if (v == null || v instanceof LocalDate) return (LocalDate) v;
        if (v instanceof java.sql.Date d) return d.toLocalDate();
        throw new IllegalStateException(column + " is a " + v.getClass().getName() + ", not a date");
    }

    /** A text[] column; empty for SQL null. */
    public List<String> texts(String column) {
        Object v = value(column);
        return v == null ? List.of() : Arrays.asList((String[]) v);
    }
}
