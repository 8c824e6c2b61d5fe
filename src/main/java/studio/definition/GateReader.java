package studio.definition;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import studio.input.Fields;
import studio.input.MappingNode;
import studio.input.Node;
import studio.input.Problems;
import studio.input.ScalarNode;

/** Reads and checks a milestone's {@code gateConditions} and a sprint's {@code gates}. */
final class GateReader {

    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)");

    private final Problems problems;

    GateReader(Problems problems) {
        this.problems = problems;
    }

    /** The gate list of one milestone; a gate listed twice is a problem (manual gates differ by their role). */
    List<GateSpec> gateConditions(Fields milestone) {
        List<GateSpec> gates = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        for (Node item : milestone.items("gateConditions")) {
            GateSpec spec = gate(item);
            if (spec == null) continue;
            Integer earlier = firstLine.putIfAbsent(spec.key(), item.line());
            if (earlier == null) gates.add(spec);
            else problems.add(item, "gate condition '" + spec.key().replace(":", ": ") + "' is listed twice (first on line " + earlier + ")");
        }
        return gates;
    }

    /** Sprint gates are names only, of the gates a sprint's own evidence decides. */
    List<String> sprintGates(Fields sprint) {
        List<String> names = new ArrayList<>();
        for (Node item : sprint.items("gates")) {
            String name = sprint.text(item, "gates entry");
            if (name == null) continue;
            String why = GateCatalog.whyNotSprintGate(name);
            if (why != null) problems.add(item, why);
            else names.add(name);
        }
        return names;
    }

    private GateSpec gate(Node item) {
        if (item instanceof MappingNode m) return fromMapping(m);
        if (item instanceof ScalarNode s && s.isString()) return fromText(s);
        problems.add(item, "a gate condition is a name ('allSprintsClosed') or a name with a parameter "
                + "('qaCoverageAbove: 90'), not " + item.describe());
        return null;
    }

    private GateSpec fromText(ScalarNode item) {
        String text = item.text();
        int colon = text.indexOf(':');
        if (colon < 0) return checked(item, text.strip(), null);
        String param = text.substring(colon + 1).strip();
        if (param.isEmpty()) {
            problems.add(item, "gate condition '" + text + "' has an empty parameter");
            return null;
        }
        Object value = NUMBER.matcher(param).matches() ? (Object) Double.valueOf(param) : param;
        return checked(item, text.substring(0, colon).strip(), value);
    }

    private GateSpec fromMapping(MappingNode item) {
        if (item.entries().size() != 1) {
            problems.add(item, "a gate condition with a parameter has exactly one key ('qaCoverageAbove: 90'), found "
                    + item.entries().size());
            return null;
        }
        MappingNode.Entry e = item.entries().get(0);
        String badName = GateCatalog.whyBadName(e.key());
        if (badName != null) {
            problems.add(e.problem(badName, item.nodePath()));
            return null;
        }
        if (!(e.value() instanceof ScalarNode s) || s.isNull() || s.isBoolean()) {
            problems.add(e.value(), "the parameter of gate condition '" + e.key() + "' must be a number or a text, found "
                    + e.value().describe());
            return null;
        }
        return checked(e.value(), e.key(), s.isNumber() ? (Object) s.number() : s.text());
    }

    /** The spec, or null after recording why it cannot be used. */
    private GateSpec checked(Node at, String name, Object param) {
        String why = GateCatalog.whyBadName(name);
        if (why == null) why = whyBadParam(name, param);
        if (why == null) return new GateSpec(name, normalized(param));
        problems.add(at, why);
        return null;
    }

    /** Signal expectations read case-insensitively ("PASS"); roles never equal "pass", so this touches only signals. */
    private static Object normalized(Object param) {
        return param instanceof String s && s.equalsIgnoreCase("pass") ? "pass" : param;
    }

    private static String whyBadParam(String name, Object param) {
        return switch (GateCatalog.kindOf(name)) {
            case COVERAGE -> coverageParam(name, param);
            case MANUAL_APPROVAL -> param instanceof String role ? Role.whyNotDecider("manualApproval", role)
                    : "manualApproval needs the role that approves, e.g. 'manualApproval: product-owner'";
            case SIGNAL -> signalParam(name, param);
            default -> param == null ? null : "gate condition '" + name + "' takes no parameter";
        };
    }

    private static String coverageParam(String name, Object param) {
        Double inName = GateCatalog.thresholdInName(name);
        if (inName != null && param != null) {
            return "gate condition '" + name + "' already names its threshold; drop the parameter or the number in the name";
        }
        if (param instanceof String) return "the threshold of '" + name + "' must be a number between 0 and 100, found '" + param + "'";
        return threshold(inName != null ? inName : (Double) param);
    }

    private static String signalParam(String name, Object param) {
        if (param instanceof Double d) return threshold(d);
        if (param == null || ((String) param).equalsIgnoreCase("pass")) return null;
        return "the parameter of signal gate '" + name + "' must be a number between 0 and 100 or 'pass', found '" + param + "'";
    }

    private static String threshold(Double value) {
        if (value == null || (value >= 0 && value <= 100)) return null;
        return Fields.outOfRange("threshold", Fields.plain(value), value, 0, 100);
    }
}
