package studio.gate;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How figures appear in gate details: coverage with one decimal, thresholds as written. */
final class Percent {

    private Percent() {}

    static BigDecimal exact(double value) {
        // valueOf uses the shortest decimal that round-trips, so 89.6 is 89.6 and not 89.59999999999999431566...
        return BigDecimal.valueOf(value);
    }

    static Double oneDecimal(BigDecimal value) {
        return value == null ? null : value.setScale(1, RoundingMode.HALF_UP).doubleValue();
    }

    /** "93.1%". */
    static String shown(BigDecimal value) {
        return value.setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    /**
     * A value that is below {@code threshold}, shown so that it visibly is: one decimal normally, more (cut, not
     * rounded up) when one decimal would show the threshold itself (89.96 against 90 is "89.96%", not "90.0%").
     */
    static String shownBelow(BigDecimal value, BigDecimal threshold) {
        BigDecimal rounded = value.setScale(1, RoundingMode.HALF_UP);
        for (int scale = 2; rounded.compareTo(threshold) >= 0 && scale <= 10; scale++) {
            rounded = value.setScale(scale, RoundingMode.FLOOR);
        }
        return rounded.toPlainString() + "%";
    }

    /** "90", "92.5": a threshold or signal value as the definition would write it. */
    static String plain(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    static String plain(double value) {
        return plain(exact(value));
    }
}
