package studio.definition;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/** Random but valid definition sets, with the texts that are hardest to write back as YAML. */
final class RandomDefinitions {

    private static final List<String> AWKWARD = List.of("", " ", "yes", "No", "ON", "off", "y", "n", "null", "Null", "~",
            "true", "FALSE", "nan", ".nan", "inf", ".inf", "-.inf", "Infinity", "90", "90.5", "-1", "+12", "1e5", "1.0E+5",
            "0x1F", "0o17", "1_000", ".5", "2025-05-14", "12:30", "#hash", "a #b", "a: b", "a:b", "- item", "[x] done",
            "[ ] open", " [x] padded", "{a: 1}", "[1, 2]", "*alias", "&anchor", "!tag", "%directive", "@at", "`tick`", "|", ">",
            "'single'", "\"double\"", "back\\slash", "tab\there", "line\nbreak", "cr\rhere", "trailing ", " leading",
            "\u00e9t\u00e9", "\u20ac 5", "emoji \ud83d\ude80", "nel\u0085x", "ls\u2028x", "bom\ufeffx", "ctrl\u0007x", "del\u007fx",
            "?", "? q", "---", "...", "lone\ud800x", "nul\u0000x", "a,b", "MVP Delivery", "Phase 1: Export", "sprint:1");
    private static final List<String> ROLES = List.of("product-owner", "qa-lead", "domain-architect", "security-officer",
            "compliance-officer", "platform-admin");
    private static final List<String> STRATEGY_KEYS = List.of("strategy", "prefix", "suffix", "format", "autoIncrement", "fallback");

    private final Random random;

    RandomDefinitions(long seed) {
        this.random = new Random(seed);
    }

    DefinitionSet next() {
        List<String> milestoneIds = ids("m", random.nextInt(4));
        List<MilestoneDefinition> milestones = milestoneIds.stream().map(this::milestone).toList();
        List<SprintDefinition> sprints = ids("s", random.nextInt(3)).stream().map(this::sprint).toList();
        List<FeatureDefinition> features = ids("f", random.nextInt(3)).stream().map(this::feature).toList();
        return new DefinitionSet(milestones, sprints, features);
    }

    private MilestoneDefinition milestone(String id) {
        List<GateSpec> gates = gates();
        List<String> gateNames = gates.stream().map(GateSpec::name).toList();
        List<String> streams = streams();
        return new MilestoneDefinition(id, text(), text(), text(), text(), text(), date(), text(), text(), role(),
                roles(), approvals(), approvals(), bool(), bool(), bool(), texts(), text(), idList("F"), texts(), streams, bool(),
                maybe(() -> "FeatureDeferred"), gates,
                percent(), maybe(() -> random.nextInt(100_000)), bool(), maybe(() -> random.nextInt(101)), maybe(() -> random.nextInt(100_000)), bool(),
                list(() -> trigger(streams)), traceability(),
                texts(), texts(), text(), maybe(() -> true), strategy(), list(() -> criterion(gateNames)),
                list(() -> deliverable(gateNames)), list(this::risk), list(this::blocker),
                maybe(() -> new Reminders(java.time.Duration.ofMinutes(1 + random.nextInt(600)), null)),
                maybe(() -> studio.gate.PlanningMode.values()[random.nextInt(studio.gate.PlanningMode.values().length)]));
    }

    private SprintDefinition sprint(String id) {
        Traceability trace = maybe(() -> new Traceability(texts(), null, null, null, text()));
        return new SprintDefinition(id, text(), text(), idList("m"), idList("F"), texts(), text(), text(), text(),
                concurrencyPolicy(), sprintGates(), bool(), trace, texts());
    }

    private FeatureDefinition feature(String id) {
        List<String> requiredBy = idList(random.nextBoolean() ? "m" : "milestone:m");
        FeatureStatus status = maybe(() -> FeatureStatus.values()[random.nextInt(4)]);
        return new FeatureDefinition(id, text(), maybe(() -> "P" + random.nextInt(10)), requiredBy, idList("F"),
                maybe(() -> random.nextInt(3) == 0 ? (double) random.nextInt(100) : random.nextDouble() * 100_000), texts(),
                status, text());
    }

    private List<GateSpec> gates() {
        List<GateSpec> pool = new ArrayList<>(List.of(GateSpec.bare("allSprintsClosed"), GateSpec.bare("traceMatrixComplete"),
                GateSpec.bare("noManualOverridesActive"), GateSpec.bare("allTestsPassed"), GateSpec.bare("testCoverageAbove90"),
                GateSpec.bare("qaCoverageAbove"), new GateSpec("testCoverageAbove", percentValue()),
                new GateSpec("manualApproval", ROLES.get(random.nextInt(ROLES.size()))), new GateSpec("traceSpanPolicyCheck", "pass"),
                new GateSpec("resilienceScoreAbove", percentValue()), GateSpec.bare("securityValidated"),
                GateSpec.bare("sprint-trace-matrix.complete"), GateSpec.bare("yes"), GateSpec.bare("null")));
        java.util.Collections.shuffle(pool, random);
        return pool.subList(0, random.nextInt(5));
    }

    private String concurrencyPolicy() {
        return new String[] {null, "isolated", "shared"}[random.nextInt(3)];
    }

    private List<String> sprintGates() {
        List<String> pool = new ArrayList<>(List.of("traceValidated", "testsPassed", "traceMatrixComplete", "allTestsPass"));
        java.util.Collections.shuffle(pool, random);
        return pool.subList(0, random.nextInt(3));
    }

    private AcceptanceCriterion criterion(List<String> gateNames) {
        String gate = gateNames.isEmpty() || random.nextBoolean() ? null : gateNames.get(random.nextInt(gateNames.size()));
        return new AcceptanceCriterion(nonBlank(), bool(), random.nextInt(4) == 0 ? text() : null, gate);
    }

    private Deliverable deliverable(List<String> gateNames) {
        if (random.nextBoolean()) return Deliverable.named(nonBlank());
        return new Deliverable(nonBlank(), text(), text(), text(), text(), list(() -> criterion(gateNames)));
    }

    private Risk risk() {
        return random.nextBoolean() ? new Risk(nonBlank(), null, null, null) : new Risk(nonBlank(), text(), text(), text());
    }

    private Blocker blocker() {
        return random.nextBoolean() ? new Blocker(nonBlank(), null, null, null, null, null)
                : new Blocker(nonBlank(), text(), text(), text(), text(), text());
    }

    /** Stream names CI can report with a GateSignal, without repeats. */
    private List<String> streams() {
        return new ArrayList<>(new java.util.LinkedHashSet<>(list(() -> "Stream" + random.nextInt(5))));
    }

    /** A trigger Studio can fire: on a promotion event, an event it receives or one of the team's own, with allStreamsReady only where it applies. */
    private Trigger trigger(List<String> streams) {
        List<String> events = new ArrayList<>(TriggerEvents.all());
        events.add("SecurityPolicyPublished");
        String event = events.get(random.nextInt(events.size()));
        boolean conditioned = !streams.isEmpty() && !TriggerEvents.PROMOTION.contains(event) && random.nextBoolean();
        return new Trigger(event, text(), conditioned ? studio.governance.TriggerFiring.ALL_STREAMS_READY : null);
    }

    private Traceability traceability() {
        return maybe(() -> new Traceability(texts(), text(), role(), maybe(() -> "trace-" + random.nextInt(100) + "-*"), text()));
    }

    private Map<String, Object> strategy() {
        Map<String, Object> out = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>(STRATEGY_KEYS);
        java.util.Collections.shuffle(keys, random);
        for (String key : keys.subList(0, random.nextInt(4))) out.put(key, scalar());
        return out;
    }

    private Object scalar() {
        return switch (random.nextInt(6)) {
            case 0 -> random.nextBoolean();
            case 1 -> (double) random.nextInt(1000) - 500;
            case 2 -> List.of(1e300, -1e-300, 0.1, -0.0, Double.MAX_VALUE, Double.MIN_VALUE, 123456.789e10).get(random.nextInt(7));
            default -> AWKWARD.get(random.nextInt(AWKWARD.size()));
        };
    }

    private List<String> ids(String prefix, int count) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) out.add(prefix + "-" + i + (random.nextBoolean() ? ".x_y:z" : ""));
        return out;
    }

    /** Distinct ids, as the reader de-duplicates sprint links. */
    private List<String> idList(String prefix) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (int i = random.nextInt(4); i > 0; i--) out.add(prefix + random.nextInt(5));
        return List.copyOf(out);
    }

    private String text() {
        return random.nextInt(3) == 0 ? null : AWKWARD.get(random.nextInt(AWKWARD.size()));
    }

    private String nonBlank() {
        String s;
        do {
            s = AWKWARD.get(random.nextInt(AWKWARD.size()));
        } while (s.isBlank());
        return s;
    }

    private List<String> texts() {
        return list(() -> AWKWARD.get(random.nextInt(AWKWARD.size())));
    }

    private <T> List<T> list(Supplier<T> item) {
        List<T> out = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) out.add(item.get());
        return out;
    }

    private String role() {
        return random.nextBoolean() ? null : ROLES.get(random.nextInt(ROLES.size()));
    }

    private List<String> roles() {
        return list(() -> ROLES.get(random.nextInt(ROLES.size())));
    }

    /** Unsaid, a count of people, or distinct roles one each. */
    private Approvals approvals() {
        return switch (random.nextInt(3)) {
            case 0 -> null;
            case 1 -> Approvals.count(1 + random.nextInt(3));
            default -> Approvals.roles(ROLES.stream().filter(r -> random.nextBoolean()).findFirst().map(List::of).orElse(List.of(ROLES.get(0))));
        };
    }

    private Boolean bool() {
        return random.nextInt(3) == 0 ? null : random.nextBoolean();
    }

    private Double percent() {
        return maybe(this::percentValue);
    }

    private double percentValue() {
        return switch (random.nextInt(4)) {
            case 0 -> (double) random.nextInt(101);
            case 1 -> 100.0 / 3;
            default -> random.nextDouble() * 100;
        };
    }

    private LocalDate date() {
        return maybe(() -> LocalDate.of(1900 + random.nextInt(200), 1 + random.nextInt(12), 1 + random.nextInt(28)));
    }

    private <T> T maybe(Supplier<T> value) {
        return random.nextBoolean() ? value.get() : null;
    }
}
