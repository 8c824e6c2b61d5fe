package studio.governance;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an environment asks of each deployment to it beyond approvals (docs/API.md "Environments as definitions"): the
 * signals CI must report passing before a deployment may complete ({@code requiredSignals}, such as
 * {@code smokeTestsPassed}), how often a failure is handed to CI again by itself ({@code maxRetries}) and whether a
 * failure with no retry left is rolled back ({@code rollbackOnFailure}). Null: the installation's setting. Pure.
 */
public record DeploymentRules(List<String> requiredSignals, Integer maxRetries, Boolean rollbackOnFailure) {

    /** The keys of an environment definition these rules come from. */
    public static final Set<String> KEYS = Set.of("requiredSignals", "maxRetries", "rollbackOnFailure");

    public static final DeploymentRules NONE = new DeploymentRules(List.of(), null, null);

    public DeploymentRules {
        requiredSignals = requiredSignals == null ? List.of() : List.copyOf(new LinkedHashSet<>(requiredSignals));
    }

    /** The rules an environment definition's settings write (other keys are its approval policy's). */
    public static DeploymentRules of(Map<String, ?> settings) {
        List<String> signals = new ArrayList<>();
        if (settings.get("requiredSignals") instanceof List<?> list) list.forEach(s -> signals.add(String.valueOf(s)));
        Integer retries = settings.get("maxRetries") instanceof Number n ? n.intValue() : null;
        Boolean rollback = settings.get("rollbackOnFailure") instanceof Boolean b ? b : null;
        return new DeploymentRules(signals, retries, rollback);
    }

    /** The signals a deployment waits for: these rules', and a canary's validation when it deploys by canary. */
    public List<String> awaitedBy(String deployStrategy) {
        Set<String> out = new LinkedHashSet<>();
        if ("canary".equals(deployStrategy)) out.add(CANARY_SIGNAL);
        out.addAll(requiredSignals);
        return List.copyOf(out);
    }

    /** The gate a canary deployment waits for (the spec's deployment gate type). */
    public static final String CANARY_SIGNAL = "canaryValidationPassed";

    /** "; a deployment completes once smokeTestsPassed passed; a failure is retried 2 times, then rolled back": empty for none. */
    public String describe() {
        StringBuilder s = new StringBuilder();
        if (!requiredSignals.isEmpty()) s.append("; a deployment completes once ").append(String.join(" and ", requiredSignals)).append(" passed");
        if (maxRetries != null) s.append("; a failure is retried ").append(maxRetries == 1 ? "once" : maxRetries + " times");
        if (rollbackOnFailure != null) {
            s.append(maxRetries != null ? ", then " : "; a failure is ").append(rollbackOnFailure ? "rolled back" : "left for people to retry or roll back");
        }
        return s.toString();
    }

    /** A signal CI reported for a deployment, in the order reports arrived ({@code id}). */
    public record Report(long id, String gate, boolean passed, java.time.Instant at) {}

    /**
     * The signals of {@code awaited} a deployment still waits for: those whose newest report is missing, failed, or came
     * before its latest hand-over to CI (a report id up to {@code reportedBefore}; a retry needs them again).
     *
     * @param newest each gate's newest report
     */
    public static List<String> waitingFor(List<String> awaited, Map<String, Report> newest, long reportedBefore) {
        return awaited.stream().filter(g -> {
            Report r = newest.get(g);
            return r == null || !r.passed() || r.id() <= reportedBefore;
        }).toList();
    }

    /** What going from {@code before} to {@code after} loosens in {@code environment}: a signal no longer waited for. */
    public List<String> weakeningsTo(DeploymentRules after, String environment) {
        return requiredSignals.stream().filter(s -> !after.requiredSignals.contains(s))
                .map(s -> environment + " no longer waits for the signal " + s + " before a deployment completes").toList();
    }
}
