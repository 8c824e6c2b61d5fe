package studio.definition;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import studio.gate.PlanningMode;

/**
 * A milestone as its definition wrote it: optional values are null when unsaid (defaults are applied through the
 * {@code effective...} accessors, never baked in), lists are empty when unsaid. Spellings the spec documents use for
 * the same setting are read into one component ({@code allowOverrides} and {@code allowManualOverrides} into
 * {@link #manualOverrideAllowed}, {@code allowsDeferred} into {@link #deferredAllowed}, {@code features} into
 * {@link #requiredFeatures}).
 *
 * @param overrideApprovals who approves an override beyond one person of approvalRoles (null: one of approvalRoles)
 * @param bypassApprovals   who approves a force close or termination (null: one governor other than the requester)
 * @param maxRetries      with retryOnFailure, how many times the timer retries it when Blocked before terminating it
 *                        (MaxRetriesExceeded); null: the installation's {@code studio.defaults.max-retries} (0: never)
 * @param retryCooldownSeconds how long it stays Blocked before each retry; null: {@code studio.defaults.retry-cooldown-seconds}
 * @param planningMode    who plans its sprints ({@code planningMode}; null: the installation's {@code studio.planning.mode})
 * @param versionStrategy the release engineers' ordered settings (strategy, prefix, suffix, format, autoIncrement,
 *                        fallback) with String, Double or Boolean values
 */
public record MilestoneDefinition(
        String id,
        String name,
        String description,
        String goal,
        String valueDelivered,
        String owner,
        LocalDate targetDate,
        String phase,
        String versionTag,
        String governedBy,
        List<String> approvalRoles,
        Approvals overrideApprovals,
        Approvals bypassApprovals,
        Boolean manualOverrideAllowed,
        Boolean autoPromotion,
        Boolean manualApprovalRequired,
        List<String> environments,
        String promotionTriggerEvent,
        List<String> requiredFeatures,
        List<String> requiredArtifacts,
        List<String> parallelStreams,
        Boolean deferredAllowed,
        String onDeferEmit,
        List<GateSpec> gateConditions,
        Double qaCoverageThreshold,
        Integer gateTimeoutSeconds,
        Boolean retryOnFailure,
        Integer maxRetries,
        Integer retryCooldownSeconds,
        Boolean traceValidationRequired,
        List<Trigger> triggers,
        Traceability traceability,
        List<String> labels,
        List<String> observabilityTags,
        String orchestrator,
        Boolean emitSignedManifest,
        Map<String, Object> versionStrategy,
        List<AcceptanceCriterion> acceptanceCriteria,
        List<Deliverable> deliverables,
        List<Risk> risks,
        List<Blocker> blockers,
        Reminders reminders,
        PlanningMode planningMode) {

    public static final String DEFAULT_GOVERNED_BY = "product-owner";
    public static final List<String> DEFAULT_APPROVAL_ROLES = List.of("qa-lead");

    public MilestoneDefinition {
        approvalRoles = List.copyOf(approvalRoles);
        environments = List.copyOf(environments);
        requiredFeatures = List.copyOf(requiredFeatures);
        requiredArtifacts = List.copyOf(requiredArtifacts);
        parallelStreams = List.copyOf(parallelStreams);
        gateConditions = List.copyOf(gateConditions);
        triggers = List.copyOf(triggers);
        labels = List.copyOf(labels);
        observabilityTags = List.copyOf(observabilityTags);
        versionStrategy = Collections.unmodifiableMap(new LinkedHashMap<>(versionStrategy));
        versionStrategy.values().forEach(MilestoneDefinition::requireScalar);
        acceptanceCriteria = List.copyOf(acceptanceCriteria);
        deliverables = List.copyOf(deliverables);
        risks = List.copyOf(risks);
        blockers = List.copyOf(blockers);
    }

    private static void requireScalar(Object value) {
        boolean ok = value instanceof String || value instanceof Boolean || (value instanceof Double d && Double.isFinite(d));
        if (!ok) throw new IllegalArgumentException("a versionStrategy value is a text, a finite Double or a Boolean: " + value);
    }

    /** The role governing the milestone: its own, else its traceability block's, else product-owner. */
    public String effectiveGovernedBy() {
        if (governedBy != null) return governedBy;
        if (traceability != null && traceability.governedBy() != null) return traceability.governedBy();
        return DEFAULT_GOVERNED_BY;
    }

    /** The milestone's owner, else its traceability block's owner, else null. */
    public String effectiveOwner() {
        if (owner != null) return owner;
        return traceability == null ? null : traceability.owner();
    }

    /** Roles that may approve overrides: as written, else qa-lead. */
    public List<String> effectiveApprovalRoles() {
        return approvalRoles.isEmpty() ? DEFAULT_APPROVAL_ROLES : approvalRoles;
    }

    public double effectiveQaCoverageThreshold(DefinitionDefaults defaults) {
        return qaCoverageThreshold != null ? qaCoverageThreshold : defaults.qaCoverageThreshold();
    }

    public boolean effectiveManualOverrideAllowed(DefinitionDefaults defaults) {
        return manualOverrideAllowed != null ? manualOverrideAllowed : defaults.allowManualOverrides();
    }

    public boolean effectiveAutoPromotion(DefinitionDefaults defaults) {
        return autoPromotion != null ? autoPromotion : defaults.autoPromotion();
    }

    public boolean effectiveTraceValidationRequired(DefinitionDefaults defaults) {
        return traceValidationRequired != null ? traceValidationRequired : defaults.traceValidationRequired();
    }

    public int effectiveGateTimeoutSeconds(DefinitionDefaults defaults) {
        return gateTimeoutSeconds != null ? gateTimeoutSeconds : defaults.gateTimeoutSeconds();
    }

    public boolean effectiveRetryOnFailure(DefinitionDefaults defaults) {
        return retryOnFailure != null ? retryOnFailure : defaults.retryOnFailure();
    }

    public int effectiveMaxRetries(DefinitionDefaults defaults) {
        return maxRetries != null ? maxRetries : defaults.maxRetries();
    }

    public int effectiveRetryCooldownSeconds(DefinitionDefaults defaults) {
        return retryCooldownSeconds != null ? retryCooldownSeconds : defaults.retryCooldownSeconds();
    }

    /** How many times the timer retries it when Blocked: its maxRetries under retryOnFailure, else none. */
    public int effectiveTimerRetries(DefinitionDefaults defaults) {
        return effectiveRetryOnFailure(defaults) ? effectiveMaxRetries(defaults) : 0;
    }

    /** Its planningMode, else the installation's. */
    public PlanningMode effectivePlanningMode(DefinitionDefaults defaults) {
        return planningMode != null ? planningMode : defaults.planningMode();
    }

    /** Whether required features may be deferred out of the gates' scope (no global default: unsaid means no). */
    public boolean allowsDeferral() {
        return Boolean.TRUE.equals(deferredAllowed);
    }

    /** The gate conditions resolved to the kinds the gate engine evaluates. */
    public List<studio.gate.GateCondition> resolveGates(DefinitionDefaults defaults) {
        return GateCatalog.resolveGates(this, defaults);
    }
}
