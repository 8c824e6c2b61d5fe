package studio.persistence;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.Tuple;
import jakarta.persistence.TupleElement;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What PostgreSQL hands back, converted to the types Studio keeps, by column name; SQL null stays null. */
class RowTest {

    static final Instant T = Instant.parse("2025-06-10T12:00:00.123456Z");

    @Test
    void numbersWhateverTheirColumnType() {
        Row r = row(Map.of("count", 7L, "int", 3, "numeric", new BigDecimal("93.125"), "double", 0.5));
        assertAll(
                () -> assertEquals(7L, r.number("count")),
                () -> assertEquals(3L, r.number("int"), "an integer column read as a long"),
                () -> assertEquals(7, r.integer("count"), "a count read as an int"),
                () -> assertEquals(93.125, r.decimal("numeric")),
                () -> assertEquals(new BigDecimal("93.125"), r.exact("numeric")),
                () -> assertEquals(new BigDecimal("0.5"), r.exact("double")));
    }

    @Test
    void timesAndDatesFromEveryDriverShape() {
        Row r = row(Map.of("instant", T, "offset", T.atOffset(ZoneOffset.ofHours(2)), "timestamp", Timestamp.from(T),
                "date", LocalDate.of(2025, 6, 10), "sqlDate", java.sql.Date.valueOf("2025-06-10")));
        assertAll(
                () -> assertEquals(T, r.instant("instant")),
                () -> assertEquals(T, r.instant("offset")),
                () -> assertEquals(T, r.instant("timestamp")),
                () -> assertEquals(LocalDate.of(2025, 6, 10), r.date("date")),
                () -> assertEquals(LocalDate.of(2025, 6, 10), r.date("sqlDate")),
                () -> assertThrows(IllegalStateException.class, () -> row(Map.of("text", "soon")).instant("text")));
    }

    @Test
    void textsFlagsAndArrays() {
        Row r = row(Map.of("text", "mvp-ready", "yes", true, "no", false, "labels", new String[] {"mvp", "core"}));
        assertAll(
                () -> assertEquals("mvp-ready", r.text("text")),
                () -> assertTrue(r.flag("yes")),
                () -> assertFalse(r.flag("no")),
                () -> assertEquals(List.of("mvp", "core"), r.texts("labels")));
    }

    @Test
    void sqlNullIsNullAnEmptyListOrFalse() {
        Map<String, Object> nulls = new HashMap<>();
        nulls.put("x", null);
        Row r = row(nulls);
        assertAll(
                () -> assertNull(r.text("x")),
                () -> assertNull(r.number("x")),
                () -> assertNull(r.integer("x")),
                () -> assertNull(r.decimal("x")),
                () -> assertNull(r.exact("x")),
                () -> assertNull(r.instant("x")),
                () -> assertNull(r.date("x")),
                () -> assertFalse(r.flag("x")),
                () -> assertEquals(List.of(), r.texts("x")));
    }

    private static Row row(Map<String, Object> columns) {
        return new Row(new Columns(columns));
    }

    /** A result row as Hibernate hands a native query's Tuple over: values by alias. */
    private record Columns(Map<String, Object> values) implements Tuple {

        @Override
        public Object get(String alias) {
            if (!values.containsKey(alias)) throw new IllegalArgumentException("no column " + alias);
            return values.get(alias);
        }

        @Override
        public <X> X get(String alias, Class<X> type) {
            return type.cast(get(alias));
        }

        @Override
        public <X> X get(TupleElement<X> element) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <X> X get(int i, Class<X> type) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Object get(int i) {
            throw new UnsupportedOperationException("rows are read by name");
        }

        @Override
        public Object[] toArray() {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<TupleElement<?>> getElements() {
            throw new UnsupportedOperationException();
        }
    }
}
