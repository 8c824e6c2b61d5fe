package studio.format;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The names states, statuses and decisions have where they are stored and exchanged: the enum constant in lower
 * case ("paused_for_approval", "approved"). One reading of them, so a stored name that no constant has fails loudly
 * with what was found and what is known.
 */
public final class Names {

    private Names() {
    }

    /** @throws IllegalArgumentException naming the value and the known names when {@code name} is none of them */
    public static <E extends Enum<E>> E parse(Class<E> type, String name) {
        if (name != null) {
            String constant = name.strip().toUpperCase(Locale.ROOT);
            for (E e : type.getEnumConstants()) if (e.name().equals(constant)) return e;
        }
        throw new IllegalArgumentException("unknown " + type.getSimpleName() + " '" + name + "' (known: "
                + Arrays.stream(type.getEnumConstants()).map(Names::of).collect(Collectors.joining(", ")) + ")");
    }

    /** The stored name: "paused_for_approval". */
    public static String of(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
