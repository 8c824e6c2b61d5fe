package studio.definition;

/**
 * One entry of a milestone's {@code gateConditions} as written: {@code allSprintsClosed} (no parameter),
 * {@code qaCoverageAbove: 90} (a number), {@code manualApproval: product-owner} or {@code traceSpanPolicyCheck: pass}
 * (a text). The string form {@code "qaCoverageAbove: 90"} reads the same as the mapping form.
 *
 * @param param null, a Double or a String
 */
public record GateSpec(String name, Object param) {

    public GateSpec {
        if (name == null) throw new IllegalArgumentException("a gate has a name");
        if (param != null && !(param instanceof Double) && !(param instanceof String)) {
            throw new IllegalArgumentException("a gate parameter is a Double or a String, not " + param.getClass());
        }
    }

    public static GateSpec bare(String name) {
        return new GateSpec(name, null);
    }

    /**
     * What tells the gate apart among a milestone's gates: the name, and for a manual gate the role too
     * ("manualApproval:security-officer"), since several roles may each have to sign off.
     */
    public String key() {
        return GateCatalog.kindOf(name) == GateCatalog.Kind.MANUAL_APPROVAL && text() != null ? name + ":" + text() : name;
    }

    /** The numeric parameter, or null. */
    public Double number() {
        return param instanceof Double d ? d : null;
    }

    /** The text parameter, or null. */
    public String text() {
        return param instanceof String s ? s : null;
    }
}
