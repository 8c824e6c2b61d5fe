package studio.milestone;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import studio.persistence.Row;
import studio.persistence.Rows;

/**
 * Reads what the board and the gate matrix show. The gate matrix reads every milestone row with its stored gate
 * report and its required features, in ONE statement however many milestones there are (the required features come
 * along as an array). The board reads, also in ONE statement, only what it shows: the first cards of each lane that
 * the filter lets through (each lane through an index, never ranking all milestones), each lane's count, the
 * live-update cursor and the milestones changed since a cursor; the filter's options and the count of all milestones
 * come from a second statement only when a milestone changed since they were read. The filter is
 * {@link BoardFilter#matches} written in SQL, and the lane order is {@link BoardView#ORDER}.
 */
@ApplicationScoped
public class BoardRows {

    private static final String COLUMNS = """
            m.id, m.name, m.description, m.phase, m.owner, m.governed_by, m.labels, m.version_tag, m.state,
            m.state_since, m.updated_at, m.change_seq, m.gate_summary, m.paused_by, m.pause_reason,
            array(select f.feature_id from milestone_feature f where f.milestone_id = m.id order by f.position) as required_features""";

    private static final String ALL = "select " + COLUMNS + " from milestone m order by m.id";

    /**
     * The filter conditions (%1$s) twice (lane counts, then each lane's cards), then: cards per lane, settled before
     * (cursor), changed after (cursor). Each lane's first cards are read through milestone_lane_idx (state,
     * state_since, id), so a lane of ten thousand costs what a lane of twenty does; only the counts look at every
     * milestone the filter lets through. The filter never narrows the cursor or the changed ids.
     */
    private static final String BOARD = """
            with totals as (select m.state, count(*) as lane_total from milestone m where %1$s group by m.state),
            shown as (
                select c.id, c.place, t.lane_total from totals t
                cross join lateral (
                    select f.id, row_number() over (order by f.state_since, f.id collate "C") as place
                    from (select m.id, m.state_since from milestone m where m.state = t.state and %1$s
                          order by m.state_since, m.id collate "C" limit ?) f) c)
            select %2$s, s.lane_total, meta.*
            from (select (select coalesce(max(change_seq), 0) from milestone) as latest,
                         (select max(change_seq) from milestone where updated_at <= ?) as settled,
                         array(select id from milestone where change_seq > ?) as changed) meta
            left join shown s on true
            left join milestone m on m.id = s.id
            order by m.state, s.place""";

    /**
     * What the filter form offers and how many milestones exist: the same until a milestone changes, so it is read
     * again only when the newest change_seq moved (see {@link #options}).
     */
    private static final String OPTIONS = """
            select (select coalesce(max(change_seq), 0) from milestone) as latest,
                   (select count(*) from milestone) as all_count,
                   array(select v from (select distinct phase as v from milestone where phase <> '') x order by v collate "C") as phases,
                   array(select v from (select distinct owner as v from milestone where owner <> '') x order by v collate "C") as owners,
                   array(select v from (select distinct l as v from milestone, unnest(labels) as l where l <> '') x
                         order by v collate "C") as all_labels""";

    /** The filter options and milestone count as of a change_seq. */
    private record Known(long latest, BoardFilter.Options options, int milestonesInAll) {}

    private volatile Known known;

    /** A lane's cards: the lane, the filter conditions (%1$s), then after (state_since, id), at most a limit. */
    private static final String LANE = """
            select %2$s from milestone m
            where m.state = ? and %1$s
              and (m.state_since > ? or (m.state_since = ? and m.id collate "C" > ?))
            order by m.state_since, m.id collate "C" limit ?""";

    /**
     * What one board request shows: the rows of the shown cards (lane order), each lane's count of milestones the
     * filter lets through, the filter options, how many milestones exist, the newest change settled before the read
     * and the ids changed since the cursor asked about.
     */
    public record BoardRead(List<BoardRow> shown, Map<String, Integer> laneTotals, BoardFilter.Options options,
                            int milestonesInAll, long settledChange, Set<String> changedSince) {}

    /**
     * The board's statement, unfiltered, for plain JDBC (the benchmark's raw baseline reads exactly what the board
     * reads, apart from the filter options it keeps). Its parameters, in order: cards per lane, settled before, changed
     * after.
     */
    public static String boardForJdbc() {
        return BOARD.formatted("true", COLUMNS);
    }

    @Inject
    EntityManager em;

    /** The board, at most {@code perLane} cards per lane; {@code since} names the cursor whose changes to list. */
    public BoardRead board(BoardFilter filter, int perLane, Instant now, BoardCursor since) {
        Where where = Where.of(filter);
        List<Object> params = new ArrayList<>(where.params());
        params.addAll(where.params());
        params.addAll(List.of(perLane, now.minus(BoardCursor.SETTLE), since.seq()));
        List<Row> rows = Rows.list(em, BOARD.formatted(where.sql(), COLUMNS), params, r -> r);
        Row meta = rows.get(0);
        List<BoardRow> shown = new ArrayList<>();
        Map<String, Integer> totals = new LinkedHashMap<>();
        for (Row r : rows) {
            if (r.text("id") == null) continue; // the filter let nothing through: only the meta row
            shown.add(row(r));
            totals.put(r.text("state"), r.integer("lane_total"));
        }
        Long settled = meta.number("settled");
        Known options = options(meta.number("latest"));
        return new BoardRead(shown, totals, options.options(), options.milestonesInAll(), settled == null ? 0 : settled,
                Set.copyOf(meta.texts("changed")));
    }

    /**
     * The filter options and milestone count, read again only when a milestone changed since they were read (a
     * second statement then; none while nothing changes). A milestone that is created or redefined takes a new
     * change_seq, so the newest change_seq names what the options were read from.
     */
    private Known options(long latest) {
        Known k = known;
        if (k != null && k.latest() == latest) return k;
        Known read = Rows.first(em, OPTIONS, r -> new Known(r.number("latest"),
                new BoardFilter.Options(r.texts("phases"), r.texts("owners"), r.texts("all_labels")), r.integer("all_count"))).orElseThrow();
        known = read;
        return read;
    }

    /** The next cards of one lane after the card at ({@code stateSince}, {@code id}), in lane order. */
    public List<BoardRow> lane(BoardFilter filter, String state, Instant stateSince, String id, int limit) {
        Where where = Where.of(filter);
        List<Object> params = new ArrayList<>(List.of(state));
        params.addAll(where.params());
        params.addAll(List.of(stateSince, stateSince, id, limit));
        return Rows.list(em, LANE.formatted(where.sql(), COLUMNS), params, BoardRows::row);
    }

    public List<BoardRow> all() {
        return Rows.list(em, ALL, BoardRows::row);
    }

    /** The newest change_seq of any milestone: the cheap question a polling board asks every few seconds. */
    public long latestChange() {
        return Rows.first(em, "select coalesce(max(change_seq), 0) as latest from milestone", r -> r.number("latest")).orElseThrow();
    }

    private static BoardRow row(Row r) {
        return new BoardRow(r.text("id"), r.text("name"), r.text("description"), r.text("phase"), r.text("owner"),
                r.text("governed_by"), r.texts("labels"), r.text("version_tag"), r.text("state"), r.instant("state_since"),
                r.instant("updated_at"), r.number("change_seq"), r.texts("required_features"),
                BoardRow.Summary.of(r.text("gate_summary")),
                r.text("paused_by") == null ? null : "Paused by " + r.text("paused_by") + ": " + r.text("pause_reason"));
    }

    /**
     * {@link BoardFilter#matches} as SQL over milestone m: one condition per criterion given (none: {@code true}),
     * the criterion's value bound to each {@code ?} of its condition, in the order they appear.
     */
    private record Where(List<String> conditions, List<Object> params) {

        static Where of(BoardFilter f) {
            Where w = new Where(new ArrayList<>(), new ArrayList<>());
            w.and(f.phase(), "m.phase = ?");
            w.and(f.owner(), "m.owner = ?");
            w.and(f.label(), "? = any(m.labels)");
            w.and(f.text(), """
                    (strpos(lower(m.id), lower(?)) > 0 or strpos(lower(coalesce(m.name, '')), lower(?)) > 0
                     or strpos(lower(coalesce(m.description, '')), lower(?)) > 0)""");
            return w;
        }

        private void and(String value, String condition) {
            if (value == null) return;
            conditions.add(condition);
            condition.chars().filter(c -> c == '?').forEach(c -> params.add(value));
        }

        String sql() {
            return conditions.isEmpty() ? "true" : String.join(" and ", conditions);
        }
    }
}
