package studio.audit;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The one SELECT over audit_event behind listing, export and verification: the filter's criteria become
 * conditions with bind parameters, ordered by seq (keyset paging on the primary key, never OFFSET).
 */
final class AuditSql {

    /** A statement and its parameters, bound in order. */
    record Query(String sql, List<Object> params) {}

    static final String COLUMNS =
            "e.seq, e.occurred_at, e.actor, e.actor_roles, e.subject_type, e.subject_id, e.type, e.trace_id, e.payload, e.prev_hash, e.hash";

    private AuditSql() {}

    /** At most {@code limit} matching events below seq {@code before} (null: from the newest), newest first. */
    static Query newestFirst(AuditFilter filter, Long before, int limit) {
        Query where = where(filter, before);
        List<Object> params = new ArrayList<>(where.params());
        params.add(limit);
        return new Query("select " + COLUMNS + " from audit_event e" + where.sql() + " order by e.seq desc limit ?", params);
    }

    /** Every matching event, oldest first (chain order). */
    static Query oldestFirst(AuditFilter filter) {
        Query where = where(filter, null);
        return new Query("select " + COLUMNS + " from audit_event e" + where.sql() + " order by e.seq", where.params());
    }

    /** The rows after {@code afterSeq} up to and including {@code upToSeq}, oldest first. */
    static Query between(long afterSeq, long upToSeq) {
        return new Query("select " + COLUMNS + " from audit_event e where e.seq > ? and e.seq <= ? order by e.seq",
                List.of(afterSeq, upToSeq));
    }

    private static Query where(AuditFilter f, Long before) {
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        about("milestone", f.milestone(), before, conditions, params);
        about("release", f.release(), before, conditions, params);
        about("sprint", f.sprint(), before, conditions, params);
        condition("e.actor = ?", f.actor(), conditions, params);
        condition("? = any(e.actor_roles)", f.role(), conditions, params);
        condition("e.type = ?", f.type(), conditions, params);
        condition("e.occurred_at >= ?", f.from() == null ? null : OffsetDateTime.ofInstant(f.from(), ZoneOffset.UTC), conditions, params);
        condition("e.occurred_at < ?", f.to() == null ? null : OffsetDateTime.ofInstant(f.to(), ZoneOffset.UTC), conditions, params);
        condition("e.seq < ?", before, conditions, params);
        return new Query(conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions), params);
    }

    /** Events about a subject, as their own subject or a related one (audit_subject holds both). */
    private static void about(String subjectType, String subjectId, Long before, List<String> conditions, List<Object> params) {
        if (subjectId == null) return;
        // the bound on s.seq lets the planner walk audit_subject's primary key backwards from the cursor
        conditions.add("e.seq in (select s.seq from audit_subject s where s.subject_type = ? and s.subject_id = ?"
                + (before == null ? "" : " and s.seq < ?") + ")");
        params.add(subjectType);
        params.add(subjectId);
        if (before != null) params.add(before);
    }

    private static void condition(String sql, Object value, List<String> conditions, List<Object> params) {
        if (value == null) return;
        conditions.add(sql);
        params.add(value);
    }
}
