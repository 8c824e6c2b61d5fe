package studio.input;

import java.util.regex.Pattern;

/** The shape every milestone, sprint and feature id has, wherever it is written. */
public final class Ids {

    public static final int MAX_LENGTH = 100;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]*");

    private Ids() {}

    public static boolean isValid(String id) {
        return id.length() <= MAX_LENGTH && ID.matcher(id).matches();
    }

    /** Why {@code id} is not a valid id, or null when it is. */
    public static String whyInvalid(String what, String id) {
        if (id.isEmpty()) return what + " is empty";
        if (id.length() > MAX_LENGTH) return what + " has " + id.length() + " characters; at most " + MAX_LENGTH + " are allowed";
        if (!ID.matcher(id).matches()) {
            return what + " '" + id + "' may use only letters, digits, '.', '_', ':' and '-', starting with a letter or digit";
        }
        return null;
    }
}
