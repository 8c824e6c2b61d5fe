package studio.governance;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Where a release goes (docs/API.md: staging, qa, production). Each has its own {@link ReleasePolicy}. */
public enum ReleaseEnvironment {
    STAGING, QA, PRODUCTION;

    /** "production": as the API and documents write it. */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the known environments */
    public static ReleaseEnvironment parse(String text) {
        String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(e -> e.json().equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown environment '" + text + "' (known: "
                        + Arrays.stream(values()).map(ReleaseEnvironment::json).collect(Collectors.joining(", ")) + ")"));
    }
}
