package studio.milestone;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Which milestones the board and the gate matrix show: those matching every criterion given (a blank one matches
 * all). Phase, owner and label are exact; the text is a case-insensitive substring of the id, name or description.
 * Filtering happens here and not in SQL so that the board, its live changes and the matrix agree on one rule.
 */
public record BoardFilter(String phase, String owner, String label, String text) {

    public static final BoardFilter NONE = new BoardFilter(null, null, null, null);

    /** The values each criterion can take, from the milestones there are. */
    public record Options(List<String> phases, List<String> owners, List<String> labels) {}

    public BoardFilter {
        phase = blankToNull(phase);
        owner = blankToNull(owner);
        label = blankToNull(label);
        text = blankToNull(text);
    }

    public boolean active() {
        return phase != null || owner != null || label != null || text != null;
    }

    public boolean matches(BoardRow row) {
        return (phase == null || phase.equals(row.phase()))
                && (owner == null || owner.equals(row.owner()))
                && (label == null || row.labels().contains(label))
                && (text == null || contains(row.id()) || contains(row.name()) || contains(row.description()));
    }

    private boolean contains(String field) {
        return field != null && field.toLowerCase(Locale.ROOT).contains(text.toLowerCase(Locale.ROOT));
    }

    /** The criteria as URL query parameters ("phase=Expansion&amp;q=push"), empty when there are none. */
    public String query() {
        List<String> params = new ArrayList<>();
        param(params, "phase", phase);
        param(params, "owner", owner);
        param(params, "label", label);
        param(params, "q", text);
        return String.join("&", params);
    }

    public static Options options(List<BoardRow> rows) {
        return new Options(distinct(rows, r -> List.of(Objects.toString(r.phase(), ""))),
                distinct(rows, r -> List.of(Objects.toString(r.owner(), ""))), distinct(rows, BoardRow::labels));
    }

    private static List<String> distinct(List<BoardRow> rows, Function<BoardRow, List<String>> values) {
        TreeSet<String> all = new TreeSet<>();
        rows.forEach(r -> values.apply(r).stream().filter(v -> !v.isBlank()).forEach(all::add));
        return List.copyOf(all);
    }

    private static void param(List<String> params, String name, String value) {
        if (value != null) params.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
