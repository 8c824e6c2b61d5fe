package studio.definition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import studio.gate.GateCondition;
import studio.input.Spelling;

/**
 * The built-in gate conditions of docs/API.md and the rules for writing them. Any other well-formed name is a signal
 * gate, decided by {@code GateSignal} events; a name within two edits of a built-in one is taken for a typo.
 */
public final class GateCatalog {

    /** What a gate name resolves to. */
    public enum Kind { ALL_SPRINTS_CLOSED, COVERAGE, TRACE_MATRIX_COMPLETE, NO_MANUAL_OVERRIDES_ACTIVE, ALL_TESTS_PASS, MANUAL_APPROVAL, SPRINT_SCOPES_APPROVED, SIGNAL }

    public static final String TRACE_MATRIX_COMPLETE = "traceMatrixComplete";
    public static final String MANUAL_APPROVAL = "manualApproval";

    public static final String SPRINT_SCOPES_APPROVED = "sprintScopesApproved";

    private static final Map<String, Kind> BUILT_IN = Map.ofEntries(
            Map.entry("allSprintsClosed", Kind.ALL_SPRINTS_CLOSED),
            Map.entry("qaCoverageAbove", Kind.COVERAGE),
            Map.entry("testCoverageAbove", Kind.COVERAGE),
            Map.entry(TRACE_MATRIX_COMPLETE, Kind.TRACE_MATRIX_COMPLETE),
            // the sprint and timing spec's milestones.yaml writes the trace gate so, and its sprints.yaml so
            Map.entry("sprint-trace-matrix.complete", Kind.TRACE_MATRIX_COMPLETE),
            Map.entry("traceValidated", Kind.TRACE_MATRIX_COMPLETE),
            Map.entry("noManualOverridesActive", Kind.NO_MANUAL_OVERRIDES_ACTIVE),
            Map.entry("allTestsPass", Kind.ALL_TESTS_PASS),
            Map.entry("allTestsPassed", Kind.ALL_TESTS_PASS),
            Map.entry("testsPassed", Kind.ALL_TESTS_PASS),
            Map.entry(SPRINT_SCOPES_APPROVED, Kind.SPRINT_SCOPES_APPROVED),
            Map.entry(MANUAL_APPROVAL, Kind.MANUAL_APPROVAL));
    private static final List<String> BUILT_IN_NAMES = BUILT_IN.keySet().stream().sorted().toList();
    private static final List<String> COVERAGE_STEMS = List.of("qaCoverageAbove", "testCoverageAbove");
    public static final int MAX_NAME_LENGTH = 100;
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9._-]*");
    /** {@code testCoverageAbove90}: a coverage gate whose name carries its threshold. */
    private static final Pattern NUMBERED = Pattern.compile("(.*?)(\\d+(?:\\.\\d+)?)");

    private GateCatalog() {}

    /** The kinds a sprint's {@code gates} may name: what a sprint's own evidence decides. */
    public static final List<Kind> SPRINT_KINDS = List.of(Kind.TRACE_MATRIX_COMPLETE, Kind.ALL_TESTS_PASS);

    /**
     * Why {@code name} cannot be a sprint gate, or null. A sprint gate is judged on the sprint's own evidence when
     * SprintClosed arrives, so only the trace and test gates qualify; coverage, signals, manual approvals and the
     * other milestone gates are the milestone's.
     */
    public static String whyNotSprintGate(String name) {
        String why = whyBadName(name);
        if (why != null) return why;
        if (SPRINT_KINDS.contains(kindOf(name))) return null;
        return "sprint gate '" + name + "' is not one a sprint's own evidence decides; a sprint may gate its closing on "
                + "traceValidated (its trace matrix covers each of its features with a test and an artifact) or testsPassed "
                + "(its newest QA report has no failed test); put '" + name + "' in its milestone's gateConditions";
    }

    public static Kind kindOf(String name) {
        Kind kind = BUILT_IN.get(name);
        if (kind != null) return kind;
        return thresholdInName(name) != null ? Kind.COVERAGE : Kind.SIGNAL;
    }

    /** The threshold a numbered coverage name carries ({@code testCoverageAbove90} -> 90), else null. */
    public static Double thresholdInName(String name) {
        Matcher m = NUMBERED.matcher(name);
        return m.matches() && COVERAGE_STEMS.contains(m.group(1)) ? Double.valueOf(m.group(2)) : null;
    }

    /**
     * The milestone's gates as the engine evaluates them. A coverage gate without a threshold takes the milestone's
     * qaCoverageThreshold, else the default (explicit=false). When trace validation is required (milestone, else
     * default) and no traceMatrixComplete gate is written, one is added.
     */
    public static List<GateCondition> resolveGates(MilestoneDefinition milestone, DefinitionDefaults defaults) {
        double fallback = milestone.effectiveQaCoverageThreshold(defaults);
        List<GateCondition> gates = new ArrayList<>();
        for (GateSpec spec : milestone.gateConditions()) gates.add(resolve(spec, fallback));
        boolean hasTraceGate = gates.stream().anyMatch(g -> g instanceof GateCondition.TraceMatrixComplete);
        if (milestone.effectiveTraceValidationRequired(defaults) && !hasTraceGate) {
            gates.add(new GateCondition.TraceMatrixComplete(TRACE_MATRIX_COMPLETE));
        }
        return gates;
    }

    /** One gate; {@code fallbackThreshold} serves a coverage gate that names no threshold. */
    public static GateCondition resolve(GateSpec spec, double fallbackThreshold) {
        String name = spec.name();
        return switch (kindOf(name)) {
            case ALL_SPRINTS_CLOSED -> new GateCondition.AllSprintsClosed(name);
            case TRACE_MATRIX_COMPLETE -> new GateCondition.TraceMatrixComplete(name);
            case NO_MANUAL_OVERRIDES_ACTIVE -> new GateCondition.NoManualOverridesActive(name);
            case ALL_TESTS_PASS -> new GateCondition.AllTestsPass(name);
            case SPRINT_SCOPES_APPROVED -> new GateCondition.SprintScopesApproved(name);
            case COVERAGE -> coverage(spec, fallbackThreshold);
            case MANUAL_APPROVAL -> new GateCondition.ManualApproval(name, requireRole(spec));
            case SIGNAL -> new GateCondition.Signal(name, spec.number(), spec.text());
        };
    }

    private static GateCondition coverage(GateSpec spec, double fallbackThreshold) {
        Double inName = thresholdInName(spec.name());
        if (inName != null) return new GateCondition.Coverage(spec.name(), inName, true);
        if (spec.number() != null) return new GateCondition.Coverage(spec.name(), spec.number(), true);
        return new GateCondition.Coverage(spec.name(), fallbackThreshold, false);
    }

    private static String requireRole(GateSpec spec) {
        if (spec.text() == null) throw new IllegalArgumentException("manualApproval names a role");
        return spec.text();
    }

    /**
     * Why {@code name} is not a usable gate name, or null: it must be well formed, and a name within two edits of a
     * built-in one is taken for a typo ("unknown gate condition 'qaCoverageAbov' (did you mean 'qaCoverageAbove'?)").
     */
    public static String whyBadName(String name) {
        if (name.length() > MAX_NAME_LENGTH) {
            return "a gate condition name has at most " + MAX_NAME_LENGTH + " characters, found " + name.length();
        }
        if (!NAME.matcher(name).matches()) {
            return "gate condition '" + name + "' must start with a letter and use only letters, digits, '.', '_' and '-'";
        }
        if (kindOf(name) != Kind.SIGNAL) return null;
        String suggestion = null;
        Matcher numbered = NUMBERED.matcher(name);
        if (numbered.matches()) {
            String stem = Spelling.closest(numbered.group(1), COVERAGE_STEMS);
            if (stem != null) suggestion = stem + numbered.group(2);
        }
        if (suggestion == null) suggestion = Spelling.closest(name, BUILT_IN_NAMES);
        return suggestion == null ? null : "unknown gate condition '" + name + "' (did you mean '" + suggestion + "'?)";
    }
}
