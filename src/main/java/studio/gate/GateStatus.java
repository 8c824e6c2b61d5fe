package studio.gate;

/** Outcome of one gate. JSON read-outs use the lower-case name. */
public enum GateStatus {
    PASSED, FAILED, PENDING, OVERRIDDEN;

    public String json() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** A gate that does not hold the milestone back. */
    public boolean satisfied() {
        return this == PASSED || this == OVERRIDDEN;
    }
}
