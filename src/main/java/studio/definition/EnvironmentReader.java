package studio.definition;

import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import studio.format.Durations;
import studio.input.Fields;
import studio.input.KeySet;
import studio.input.MappingNode;
import studio.input.Node;
import studio.input.Problems;
import studio.input.ScalarNode;
import studio.input.SequenceNode;

/**
 * Reads one entry of {@code environments:}. Studio's lifecycle is staging, qa, production in that order: an entry names
 * one of them, and an {@code order} other than its place is refused rather than ignored. Every other key acts: the
 * approval policy keys of release-policy.yaml, {@code required}, what a deployment there waits for and how it recovers
 * ({@code requiredSignals}, {@code maxRetries}, {@code rollbackOnFailure}), and {@code freezeWindows} (added; a document
 * never removes a window). Problems carry line and path.
 */
final class EnvironmentReader {

    static final KeySet KEYS = KeySet.of("name", "order", "required", "protected", "approvals", "distinctApprovers", "approvalTtl",
            "approvalTimeout", "freezeWindows", "requiredSignals", "maxRetries", "rollbackOnFailure");
    /** A signal's name: one word, as CI writes it in a GateSignal's gate (smokeTestsPassed). */
    private static final java.util.regex.Pattern SIGNAL = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9]{0,79}");
    private static final KeySet WINDOW = KeySet.of("name", "from", "until", "weeklyFrom", "weeklyUntil", "timeZone", "reason");

    /**
     * Studio's lifecycle, in order: the environments the release side knows ({@code governance.ReleaseEnvironment}, which
     * lists them in the same order; a test holds the two together). Parsers sit beneath the governance core.
     */
    static final List<String> LIFECYCLE = List.of("staging", "qa", "production");

    private final Problems problems;

    EnvironmentReader(Problems problems) {
        this.problems = problems;
    }

    EnvironmentDefinition read(Node node, int index) {
        Fields f = Fields.of(node, KEYS, "an environment", true, problems);
        String name = f.requiredString("name");
        String env = name == null ? null : name.strip().toLowerCase(java.util.Locale.ROOT);
        if (env != null && !LIFECYCLE.contains(env)) {
            problems.add(f.get("name"), "unknown environment '" + name + "' (known: " + String.join(", ", LIFECYCLE)
                    + "): Studio's lifecycle is staging, qa, production");
            env = null;
        }
        Long order = f.integer("order", 1, 3);
        if (order != null && env != null && order != LIFECYCLE.indexOf(env) + 1) {
            problems.add(f.get("order"), "order " + order + " for " + env + " is refused: Studio's lifecycle is staging (1), qa (2), "
                    + "production (3), and reordering it is not supported");
        }
        Map<String, Object> policy = new LinkedHashMap<>();
        if (f.has("protected")) policy.put("protected", f.bool("protected"));
        if (f.has("distinctApprovers")) policy.put("distinctApprovers", f.bool("distinctApprovers"));
        duration(f, "approvalTtl", policy);
        duration(f, "approvalTimeout", policy);
        if (f.has("approvals")) policy.put("approvals", approvals(f, f.get("approvals")));
        if (f.has("requiredSignals")) policy.put("requiredSignals", signals(f));
        Long retries = f.integer("maxRetries", 0, 10);
        if (retries != null) policy.put("maxRetries", retries.intValue());
        if (f.has("rollbackOnFailure")) policy.put("rollbackOnFailure", f.bool("rollbackOnFailure"));
        return new EnvironmentDefinition(env == null ? name : env, f.bool("required"), policy, windows(f), node.line());
    }

    private void duration(Fields f, String key, Map<String, Object> policy) {
        String text = f.string(key);
        if (text == null) return;
        if (!text.equals("none")) {
            try {
                Durations.parse(text);
            } catch (IllegalArgumentException | DateTimeParseException e) {
                problems.add(f.get(key), key + ": " + e.getMessage());
                return;
            }
        }
        policy.put(key, text);
    }

    /** {role: count}, a list of roles (one approval each), or [] / none for no approval. */
    private Object approvals(Fields f, Node value) {
        if (value instanceof ScalarNode s && "none".equals(s.text())) return "none";
        if (value instanceof SequenceNode) {
            List<String> roles = new ArrayList<>();
            for (Node item : f.items(value, "approvals")) {
                String role = decider(f, item);
                if (role != null) roles.add(role);
            }
            return roles;
        }
        if (value instanceof MappingNode m) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (MappingNode.Entry e : m.entries()) {
                String why = Role.whyNotDecider("approvals", e.key());
                if (why != null) {
                    problems.add(e.problem(why, m.nodePath()));
                    continue;
                }
                Double n = f.number(e.value(), "approvals." + e.key(), 0, 10);
                if (n != null && n != Math.floor(n)) problems.add(e.value(), "approvals." + e.key() + " is a whole number of people");
                else if (n != null) counts.put(e.key(), n.intValue());
            }
            return counts;
        }
        problems.add(value, "write approvals as {role: count}, a list of roles, or none");
        return "none";
    }

    /** requiredSignals: what CI reports passing (a GateSignal naming the version) before a deployment here completes. */
    private List<String> signals(Fields f) {
        List<String> out = new ArrayList<>();
        for (Node item : f.items("requiredSignals")) {
            String name = f.text(item, "requiredSignals entry");
            if (name == null) continue;
            if (SIGNAL.matcher(name).matches()) out.add(name);
            else problems.add(item, "a required signal is one word, as CI names it in a GateSignal's gate (smokeTestsPassed), found '" + name + "'");
        }
        return out;
    }

    private String decider(Fields f, Node item) {
        String role = f.text(item, "approvals");
        if (role == null) return null;
        String why = Role.whyNotDecider("approvals", role);
        if (why != null) {
            problems.add(item, why);
            return null;
        }
        return role;
    }

    private List<EnvironmentDefinition.FreezeWindowSpec> windows(Fields f) {
        List<EnvironmentDefinition.FreezeWindowSpec> out = new ArrayList<>();
        for (Node item : f.items("freezeWindows")) {
            Fields w = Fields.of(item, WINDOW, "a freeze window", true, problems);
            out.add(new EnvironmentDefinition.FreezeWindowSpec(w.requiredString("name"), w.string("from"), w.string("until"), w.string("weeklyFrom"),
                    w.string("weeklyUntil"), w.string("timeZone"), w.requiredString("reason"), item.line()));
        }
        return out;
    }
}
