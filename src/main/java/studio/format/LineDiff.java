package studio.format;

import java.util.ArrayList;
import java.util.List;

/**
 * A line-by-line difference of two texts (longest common subsequence), as a definition's history shows it: each
 * line kept, removed ("-") or added ("+"). Definitions are short (a few hundred lines), so the quadratic table is fine.
 */
public final class LineDiff {

    /** One line of the difference: {@code op} is ' ' (kept), '-' (only before) or '+' (only after). */
    public record Line(char op, String text) {
        public boolean added() {
            return op == '+';
        }

        public boolean removed() {
            return op == '-';
        }
    }

    private LineDiff() {}

    public static List<Line> of(String before, String after) {
        String[] a = lines(before);
        String[] b = lines(after);
        int[][] common = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                common[i][j] = a[i].equals(b[j]) ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<Line> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i].equals(b[j])) {
                out.add(new Line(' ', a[i++]));
                j++;
            } else if (common[i + 1][j] >= common[i][j + 1]) {
                out.add(new Line('-', a[i++]));
            } else {
                out.add(new Line('+', b[j++]));
            }
        }
        while (i < a.length) out.add(new Line('-', a[i++]));
        while (j < b.length) out.add(new Line('+', b[j++]));
        return out;
    }

    /** The changed lines of {@link #of} with one line of context either side, "…" standing for what is left out. */
    public static List<Line> changes(String before, String after) {
        List<Line> diff = of(before, after);
        List<Line> out = new ArrayList<>();
        boolean skipped = false;
        for (int i = 0; i < diff.size(); i++) {
            boolean near = false;
            for (int j = Math.max(0, i - 1); j <= Math.min(diff.size() - 1, i + 1); j++) near |= diff.get(j).op() != ' ';
            if (!near) {
                skipped = true;
                continue;
            }
            if (skipped && !out.isEmpty()) out.add(new Line(' ', "…"));
            skipped = false;
            out.add(diff.get(i));
        }
        return out;
    }

    private static String[] lines(String text) {
        return text == null || text.isEmpty() ? new String[0] : text.split("\n", -1);
    }
}
