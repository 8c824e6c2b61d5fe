package studio.milestone;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;

/**
 * Reads what the board and the gate matrix show. The gate matrix reads every milestone row with its stored gate
 * report and its required features, in ONE statement however many milestones there are (the required features come
 * along as an array). The board reads, also in ONE statement, only what it shows: the first cards of each lane that
 * the filter lets through, each lane's count, the filter's options, the live-update cursor and the milestones changed
 * since a cursor; so its cost does not grow with the number of milestones. The filter is
 * {@link BoardFilter#matches} written in SQL, and the lane order is {@link BoardView#ORDER}.
 */
@ApplicationScoped
public class BoardRows {

    private static final String ALL = """
            select m.id, m.name, m.description, m.phase, m.owner, m.governed_by, m.labels, m.version_tag, m.state,
                   m.state_since, m.updated_at, m.change_seq, m.gate_summary,
                   array(select f.feature_id from milestone_feature f where f.milestone_id = m.id order by f.position)
            from milestone m order by m.id""";

    /** The filter as SQL over milestone m, parameters ?1 phase, ?2 owner, ?3 label, ?4 text (null: any). */
    private static final String FILTERED = """
            (cast(?1 as text) is null or m.phase = cast(?1 as text))
            and (cast(?2 as text) is null or m.owner = cast(?2 as text))
            and (cast(?3 as text) is null or cast(?3 as text) = any(m.labels))
            and (cast(?4 as text) is null or strpos(lower(m.id), lower(cast(?4 as text))) > 0
                 or strpos(lower(coalesce(m.name, '')), lower(cast(?4 as text))) > 0
                 or strpos(lower(coalesce(m.description, '')), lower(cast(?4 as text))) > 0)""";

    private static final String COLUMNS = """
            m.id, m.name, m.description, m.phase, m.owner, m.governed_by, m.labels, m.version_tag, m.state,
            m.state_since, m.updated_at, m.change_seq, m.gate_summary,
            array(select f.feature_id from milestone_feature f where f.milestone_id = m.id order by f.position)""";

    /** ?5 cards per lane, ?6 settled before (cursor), ?7 changed after (cursor). */
    private static final String BOARD = """
            with shown as (
                select * from (
                    select m.id, row_number() over (partition by m.state order by m.state_since, m.id collate "C") as place,
                           count(*) over (partition by m.state) as lane_total
                    from milestone m where %s) ranked
                where place <= ?5)
            select %s, s.lane_total, meta.*
            from (select (select count(*) from milestone) as all_count,
                         array(select v from (select distinct phase as v from milestone where phase <> '') x order by v collate "C") as phases,
                         array(select v from (select distinct owner as v from milestone where owner <> '') x order by v collate "C") as owners,
                         array(select v from (select distinct l as v from milestone, unnest(labels) as l where l <> '') x
                               order by v collate "C") as all_labels,
                         (select max(change_seq) from milestone where updated_at <= ?6) as settled,
                         array(select id from milestone where change_seq > ?7) as changed) meta
            left join shown s on true
            left join milestone m on m.id = s.id
            order by m.state, s.place""".formatted(FILTERED, COLUMNS);

    /** A lane's next cards after (?5 state_since, ?6 id) in lane ?7, at most ?8. */
    private static final String LANE = """
            select %s from milestone m
            where m.state = ?7 and %s
              and (m.state_since > ?5 or (m.state_since = ?5 and m.id collate "C" > ?6))
            order by m.state_since, m.id collate "C" limit ?8""".formatted(COLUMNS, FILTERED);

    /**
     * What one board request shows: the rows of the shown cards (lane order), each lane's count of milestones the
     * filter lets through, the filter options, how many milestones exist, the newest change settled before the read
     * and the ids changed since the cursor asked about.
     */
    public record BoardRead(List<BoardRow> shown, Map<String, Integer> laneTotals, BoardFilter.Options options,
                            int milestonesInAll, long settledChange, Set<String> changedSince) {}

    /**
     * The board's statement for plain JDBC (the benchmark's raw baseline reads exactly what the board reads): each
     * numbered parameter {@code ?N} becomes a {@code ?}, and {@code order} lists the N each one stands for.
     */
    public record Jdbc(String sql, List<Integer> order) {}

    public static Jdbc boardForJdbc() {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\?(\\d+)").matcher(BOARD);
        List<Integer> order = new ArrayList<>();
        StringBuilder sql = new StringBuilder();
        while (m.find()) {
            order.add(Integer.parseInt(m.group(1)));
            m.appendReplacement(sql, "?");
        }
        m.appendTail(sql);
        return new Jdbc(sql.toString(), List.copyOf(order));
    }

    @Inject
    EntityManager em;

    /** The board, at most {@code perLane} cards per lane; {@code since} names the cursor whose changes to list. */
    @SuppressWarnings("unchecked")
    public BoardRead board(BoardFilter filter, int perLane, Instant now, BoardCursor since) {
        var q = filtered(em.createNativeQuery(BOARD), filter).setParameter(5, perLane)
                .setParameter(6, now.minus(BoardCursor.SETTLE)).setParameter(7, since.seq());
        List<Object[]> rows = q.getResultList();
        Object[] meta = rows.get(0);
        int m = 15; // the first meta column: after the 14 row columns and the lane total
        List<BoardRow> shown = new ArrayList<>();
        Map<String, Integer> totals = new LinkedHashMap<>();
        for (Object[] r : rows) {
            if (r[0] == null) continue; // the filter let nothing through: only the meta row
            shown.add(row(r));
            totals.put((String) r[8], ((Number) r[14]).intValue());
        }
        return new BoardRead(shown, totals,
                new BoardFilter.Options(strings(meta[m + 1]), strings(meta[m + 2]), strings(meta[m + 3])),
                ((Number) meta[m]).intValue(), meta[m + 4] == null ? 0 : ((Number) meta[m + 4]).longValue(),
                Set.copyOf(strings(meta[m + 5])));
    }

    /** The next cards of one lane after the card at ({@code stateSince}, {@code id}), in lane order. */
    @SuppressWarnings("unchecked")
    public List<BoardRow> lane(BoardFilter filter, String state, Instant stateSince, String id, int limit) {
        List<Object[]> rows = filtered(em.createNativeQuery(LANE), filter).setParameter(5, stateSince).setParameter(6, id)
                .setParameter(7, state).setParameter(8, limit).getResultList();
        return rows.stream().map(BoardRows::row).toList();
    }

    /** Binds the filter; typed, so that an absent criterion is a null text PostgreSQL can compare. */
    @SuppressWarnings("unchecked")
    private static jakarta.persistence.Query filtered(jakarta.persistence.Query q, BoardFilter f) {
        NativeQuery<Object[]> n = q.unwrap(NativeQuery.class);
        n.setParameter(1, f.phase(), StandardBasicTypes.STRING).setParameter(2, f.owner(), StandardBasicTypes.STRING)
                .setParameter(3, f.label(), StandardBasicTypes.STRING).setParameter(4, f.text(), StandardBasicTypes.STRING);
        return q;
    }

    @SuppressWarnings("unchecked")
    public List<BoardRow> all() {
        List<Object[]> rows = em.createNativeQuery(ALL).getResultList();
        return rows.stream().map(BoardRows::row).toList();
    }

    /** The newest change_seq of any milestone: the cheap question a polling board asks every few seconds. */
    public long latestChange() {
        Object max = em.createNativeQuery("select max(change_seq) from milestone").getSingleResult();
        return max == null ? 0 : ((Number) max).longValue();
    }

    private static BoardRow row(Object[] r) {
        return new BoardRow((String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4], (String) r[5],
                strings(r[6]), (String) r[7], (String) r[8], (Instant) r[9], (Instant) r[10], ((Number) r[11]).longValue(),
                strings(r[13]), MilestoneReadout.parse((String) r[12]));
    }

    private static List<String> strings(Object array) {
        return array == null ? List.of() : Arrays.asList((String[]) array);
    }
}
