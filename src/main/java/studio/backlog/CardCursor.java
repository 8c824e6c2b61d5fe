package studio.backlog;

import studio.input.Ids;

/**
 * Where a page of one backlog column ended. A column runs by priority (P0 first, features without one last), then
 * id; written {@code <priority>~<id>}, with an empty priority for features without one.
 */
public record CardCursor(String priority, String id) {

    public String token() {
        return (priority == null ? "" : priority) + "~" + id;
    }

    /** The cursor a previous page handed out, or null when {@code token} is not one. */
    public static CardCursor parse(String token) {
        int cut = token.indexOf('~');
        if (cut < 0) return null;
        String priority = token.substring(0, cut);
        String id = token.substring(cut + 1);
        if (!Ids.isValid(id) || !(priority.isEmpty() || BacklogRequest.PRIORITY.matcher(priority).matches())) return null;
        return new CardCursor(priority.isEmpty() ? null : priority, id);
    }
}
