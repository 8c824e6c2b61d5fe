package studio.notify;

import java.util.Locale;

/** How a person wants a kind of notice: shown in Studio only, emailed at once, or gathered in a daily digest email. */
public enum Delivery {
    STUDIO("In Studio only"), EMAIL("Email at once"), DIGEST("Daily digest email");

    public final String label;

    Delivery(String label) {
        this.label = label;
    }

    public String slug() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Delivery fromSlug(String s) {
        for (Delivery d : values()) if (d.slug().equals(s)) return d;
        throw new IllegalArgumentException("unknown delivery '" + s + "': studio, email or digest");
    }

    /**
     * What happens to one notice's email: a mandatory one (a decision only the recipient can take) chosen "in Studio
     * only" still goes out in the digest, so nothing that waits on one person alone is silenced entirely.
     */
    public static String emailStatus(Delivery chosen, boolean mandatory, boolean hasAddress) {
        if (!hasAddress) return "none";
        return switch (chosen) {
            case EMAIL -> "pending";
            case DIGEST -> "digest";
            case STUDIO -> mandatory ? "digest" : "none";
        };
    }
}
