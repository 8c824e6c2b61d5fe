package studio.input;

/**
 * One thing wrong with an input document, said so that its author can fix it.
 *
 * @param message a sentence naming what is wrong and, where possible, what would be right
 * @param line    1-based line, null when unknown
 * @param column  1-based column, null when unknown
 * @param path    JSONPath-like address of the offending value ({@code $.milestones[0].gateConditions[2]}), null when
 *                the problem concerns the document as a whole
 */
public record InputProblem(String message, Integer line, Integer column, String path) {

    public static InputProblem of(String message) {
        return new InputProblem(message, null, null, null);
    }

    /** "line 3, column 7 ($.milestones[0].id): message", leaving out what is unknown. */
    public String describe() {
        StringBuilder where = new StringBuilder();
        if (line != null) where.append("line ").append(line);
        if (column != null) where.append(where.length() > 0 ? ", " : "").append("column ").append(column);
        if (path != null) where.append(where.length() > 0 ? " " : "").append('(').append(path).append(')');
        return where.length() == 0 ? message : where + ": " + message;
    }
}
