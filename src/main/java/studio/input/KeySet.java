package studio.input;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The keys one kind of mapping knows, each under its canonical camelCase name with the other spellings the spec
 * documents use ("manualOverrideAllowed|allowOverrides|allowManualOverrides"). The snake_case form of every spelling
 * is accepted too ({@code milestone_id} for {@code milestoneId}).
 */
public final class KeySet {

    private final Map<String, String> canonicalBySpelling = new LinkedHashMap<>();

    private KeySet() {}

    /** Each spec is "canonical" or "canonical|alias|alias". */
    public static KeySet of(String... specs) {
        KeySet keys = new KeySet();
        for (String spec : specs) {
            String[] spellings = spec.split("\\|");
            for (String spelling : spellings) keys.canonicalBySpelling.put(spelling, spellings[0]);
        }
        return keys;
    }

    /** The canonical name for a key as written, or null when the key is unknown. */
    public String canonical(String key) {
        String direct = canonicalBySpelling.get(key);
        return direct != null || key.indexOf('_') < 0 ? direct : canonicalBySpelling.get(camelCase(key));
    }

    /** Every accepted spelling, for "did you mean" suggestions. */
    public List<String> spellings() {
        return Collections.unmodifiableList(new ArrayList<>(canonicalBySpelling.keySet()));
    }

    /** The canonical names in declaration order. */
    public List<String> names() {
        return canonicalBySpelling.values().stream().distinct().toList();
    }

    private static String camelCase(String snake) {
        StringBuilder out = new StringBuilder(snake.length());
        boolean upper = false;
        for (int i = 0; i < snake.length(); i++) {
            char c = snake.charAt(i);
            if (c == '_' && out.length() > 0) upper = true;
            else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }
}
