package studio.planning;

import java.util.List;
import studio.definition.DefinitionSet;
import studio.input.InputProblem;

/**
 * What the import page shows after "Check" or "Import": the document's contents when it is valid, the counts of
 * what was stored after an import, or every problem with the line it is on.
 */
public record ImportOutcome(Kind kind, Contents contents, DefinitionImport.Result result, List<Problem> problems) {

    public enum Kind { CHECKED, IMPORTED, INVALID }

    /** How many of each kind a valid document defines. */
    public record Contents(int milestones, int sprints, int features) {

        static Contents of(DefinitionSet set) {
            return new Contents(set.milestones().size(), set.sprints().size(), set.features().size());
        }
    }

    /**
     * One problem, with the document line it points at.
     *
     * @param excerpt the offending line as written, null when the problem has no line or the line is not in the text
     * @param caret   spaces and a '^' under the offending column, null without a column
     */
    public record Problem(String where, String message, String path, Integer line, String excerpt, String caret) {}

    public static ImportOutcome checked(DefinitionSet set) {
        return new ImportOutcome(Kind.CHECKED, Contents.of(set), null, List.of());
    }

    public static ImportOutcome imported(DefinitionImport.Result result) {
        return new ImportOutcome(Kind.IMPORTED, null, result, List.of());
    }

    public static ImportOutcome invalid(List<InputProblem> problems, String document) {
        List<String> lines = document == null ? List.of() : document.lines().toList();
        return new ImportOutcome(Kind.INVALID, null, null, problems.stream().map(p -> problem(p, lines)).toList());
    }

    private static Problem problem(InputProblem p, List<String> lines) {
        String excerpt = p.line() != null && p.line() >= 1 && p.line() <= lines.size() ? lines.get(p.line() - 1) : null;
        String caret = excerpt != null && p.column() != null && p.column() >= 1 && p.column() <= excerpt.length() + 1
                ? caret(excerpt, p.column()) : null;
        return new Problem(where(p), p.message(), p.path(), p.line(), excerpt, caret);
    }

    /** A '^' under the column, keeping the line's tabs so it lines up however wide a tab is drawn. */
    private static String caret(String line, int column) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < column - 1; i++) sb.append(line.charAt(i) == '\t' ? '\t' : ' ');
        return sb.append('^').toString();
    }

    /** "line 3, column 7", "line 3" or "" (then the path or nothing says where). */
    private static String where(InputProblem p) {
        if (p.line() == null) return "";
        return "line " + p.line() + (p.column() == null ? "" : ", column " + p.column());
    }

    public boolean checked() {
        return kind == Kind.CHECKED;
    }

    public boolean imported() {
        return kind == Kind.IMPORTED;
    }

    public boolean invalid() {
        return kind == Kind.INVALID;
    }
}
