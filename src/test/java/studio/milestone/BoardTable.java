package studio.milestone;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import studio.testing.TestDb;

/**
 * Board rows written straight into the milestone table of the test database, then read back the way the board reads
 * them: {@link BoardRows#board}, then {@link BoardView} and {@link BoardChanges} exactly as GET /board and
 * GET /board/changes build them. A test of lanes, counts, order, the cursor or the changed cards thus runs through
 * the very statement that decides them.
 */
final class BoardTable {

    private BoardTable() {
    }

    /** Empties the database; {@code rows} are then the only milestones there are. */
    static void holding(BoardRow... rows) {
        TestDb.reset();
        add(rows);
    }

    /** More milestone rows, as a transaction committing them would leave them. */
    static void add(BoardRow... rows) {
        List<String> sql = new ArrayList<>();
        for (BoardRow r : rows) {
            sql.add(insert(r));
            for (int i = 0; i < r.requiredFeatures().size(); i++) {
                sql.add("insert into milestone_feature (milestone_id, feature_id, position) values (%s, %s, %d)"
                        .formatted(text(r.id()), text(r.requiredFeatures().get(i)), i));
            }
        }
        if (!sql.isEmpty()) TestDb.exec(sql.toArray(String[]::new));
    }

    /** The board as GET /board shows it at {@code now}. */
    static BoardView board(BoardRows rows, BoardFilter filter, Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> BoardView.of(
                rows.board(filter, BoardView.LANE_LIMIT, now, new BoardCursor(Long.MAX_VALUE)), filter, BoardCursor.START));
    }

    /** What a board polling from {@code since} gets swapped in at {@code now} (GET /board/changes). */
    static BoardChanges changes(BoardRows rows, BoardCursor since, BoardFilter filter, Instant now) {
        return QuarkusTransaction.requiringNew().call(() ->
                BoardChanges.of(rows.board(filter, BoardView.LANE_LIMIT, now, since), filter, since));
    }

    /** Never due for the timer (no gate timeout), so nothing but the test changes the row. */
    private static String insert(BoardRow r) {
        return """
                insert into milestone (id, name, description, definition, phase, owner, governed_by, labels, version_tag,
                                       gate_timeout_seconds, state, state_since, gate_summary, change_seq, created_at, updated_at)
                values (%s, %s, %s, %s, %s, %s, %s, %s, %s, 0, %s, %s, %s, %d, %s, %s)""".formatted(text(r.id()), text(r.name()),
                text(r.description()), text("id: " + r.id()), text(r.phase()), text(r.owner()), text(r.governedBy()),
                labels(r.labels()), text(r.versionTag()), text(r.state()), time(r.stateSince()),
                text(r.report() == null ? null : r.report().toString()), r.changeSeq(), time(r.stateSince()), time(r.updatedAt()));
    }

    private static String text(String s) {
        return s == null ? "null" : "'" + s.replace("'", "''") + "'";
    }

    private static String labels(List<String> labels) {
        return labels.stream().map(BoardTable::text).collect(Collectors.joining(", ", "array[", "]::text[]"));
    }

    private static String time(Instant t) {
        return "cast('" + t + "' as timestamptz)";
    }
}
