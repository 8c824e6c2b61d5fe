package studio.format;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Every percentage Studio shows: coverage with one decimal ("93.1%"), a value below a threshold shown so that it
 * visibly is, thresholds and signal values as the definition writes them ("90", "92.5").
 */
public final class Percent {

    private Percent() {}

    public static BigDecimal exact(double value) {
        // valueOf uses the shortest decimal that round-trips, so 89.6 is 89.6 and not 89.59999999999999431566...
        return BigDecimal.valueOf(value);
    }

    public static Double oneDecimal(BigDecimal value) {
        return value == null ? null : value.setScale(1, RoundingMode.HALF_UP).doubleValue();
    }

    /** "93.1%". */
    public static String shown(BigDecimal value) {
        return value.setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    /**
     * A value that is below {@code threshold}, shown so that it visibly is: one decimal normally, more (cut, not
     * rounded up) when one decimal would show the threshold itself (89.96 against 90 is "89.96%", not "90.0%").
     */
    public static String shownBelow(BigDecimal value, BigDecimal threshold) {
        BigDecimal rounded = value.setScale(1, RoundingMode.HALF_UP);
        for (int scale = 2; rounded.compareTo(threshold) >= 0 && scale <= 10; scale++) {
            rounded = value.setScale(scale, RoundingMode.FLOOR);
        }
        return rounded.toPlainString() + "%";
    }

    /** "90", "92.5": a threshold or signal value as the definition would write it. */
    public static String plain(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    public static String plain(double value) {
        return plain(exact(value));
    }

    /** 91.35 -> "91.4%"; {@code missing} when there is no value. */
    public static String shown(Number value, String missing) {
        return value == null ? missing : shown(exact(value.doubleValue()));
    }

    /** One decimal at most, whole numbers without a fraction: 91.35 -> 91.4, 90.0 -> 90 (as the spec prints numbers). */
    public static BigDecimal rounded(double value) {
        BigDecimal d = exact(value).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0) : d;
    }
}
