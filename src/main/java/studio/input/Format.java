package studio.input;

/** The syntax of an input document. */
public enum Format {
    YAML, JSON, AUTO;

    /** The concrete format of {@code text}: AUTO reads as JSON when the first non-blank character is '{' or '['. */
    public Format resolve(String text) {
        if (this != AUTO) return this;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == '\uFEFF') continue;
            return c == '{' || c == '[' ? JSON : YAML;
        }
        return YAML;
    }
}
