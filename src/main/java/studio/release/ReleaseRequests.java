package studio.release;

import io.opentelemetry.api.common.Attributes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import studio.audit.AuditEntry;
import studio.audit.AuditEntry.Subject;
import studio.audit.AuditLog;
import studio.definition.MilestoneDefinition;
import studio.governance.Actor;
import studio.governance.HoldPolicy;
import studio.governance.MilestoneState;
import studio.governance.PromotionPath;
import studio.governance.ReleaseEnvironment;
import studio.governance.ReleasePolicy;
import studio.milestone.Milestone;
import studio.milestone.MilestoneRulebook;
import studio.release.document.ReleaseContent;
import studio.release.document.ReleaseManifest;
import studio.release.lifecycle.ReleaseStimulus;
import studio.release.version.TakenTags;
import studio.release.version.VersionPolicy;
import studio.release.version.VersionRequest;
import studio.release.version.VersionResolution;
import studio.release.version.VersionResolution.Rejected;
import studio.release.version.VersionResolution.Resolved;
import studio.release.version.VersionResolver;
import studio.release.version.VersionedMilestone;
import studio.telemetry.Spans;
import studio.web.ApiException;

/**
 * Creates releases (docs/spec/release-coordinator.md "Event Validation Logic"): the milestone must be Reached or Closed (else
 * 409), the environment known and the targets usable (else 400), an explicit tag well formed (400) and free (409).
 * The tag is resolved over the taken tags and inserted with ON CONFLICT DO NOTHING: when a concurrent release took
 * the same tag first, the insert waits for it to commit, changes nothing (the transaction stays usable) and the tag
 * is resolved again with the winner's tag taken. Then the lifecycle runs: a gated release pauses for approval, any
 * other is handed to CI.
 */
@ApplicationScoped
public class ReleaseRequests {

    /** Each lost race means one more tag taken; this many concurrent promotions of one line is more than happens. */
    static final int MAX_ATTEMPTS = 64;

    @Inject
    EntityManager em;
    @Inject
    ReleaseRecords records;
    @Inject
    ReleaseSteps steps;
    @Inject
    ReleaseSettings settings;
    @Inject
    MilestoneRulebook rulebook;
    @Inject
    AuditLog audit;
    @Inject
    Spans spans;
    @Inject
    FreezeWindows freezes;
    @Inject
    EnvironmentDefinitions environments;

    /** What a release is made of, checked and gathered before its tag is chosen (span ReleaseCoordinator.ResolveInputs). */
    private record Inputs(Milestone milestone, Release draft, ReleaseContent content, VersionPolicy versions, ReleasePolicy policy) {}

    @Transactional
    public Release create(ReleaseOrder order, Actor actor) {
        return open(order, actor);
    }

    /**
     * {@link #create} inside the caller's transaction, without an interceptor that would mark it for rollback on a
     * refusal: autoPromotion calls it while a milestone evaluation is under way and records a refusal instead. Every
     * check runs before the insert, so a refusal leaves nothing written.
     */
    Release open(ReleaseOrder order, Actor actor) {
        Attributes asked = Attributes.builder().put(Spans.MILESTONE_ID, order.milestoneId()).put("environment", order.environment()).build();
        Inputs in = spans.within("ReleaseCoordinator.ResolveInputs", asked, null, () -> inputs(order, actor));
        Milestone m = in.milestone();
        Resolved resolved = spans.within("ReleaseCoordinator.TagArtifacts", Attributes.of(Spans.MILESTONE_ID, m.id), m.traceId, () -> {
            Resolved tag = insert(in.draft(), in.content(), in.versions(), m, order);
            Spans.outcome(Spans.VERSION_TAG, tag.tag());
            return tag;
        });
        Release r = em.find(Release.class, in.draft().id);
        audit.record(actor, requested(r, resolved, in.policy()).alsoAbout(List.of(Subject.milestone(m.id))));
        steps.react(r, new ReleaseStimulus.Created(r.requestedBy, in.policy().gated()), actor, r.createdAt);
        return r;
    }

    /**
     * Promotes version {@code tag} to {@code environmentText} (docs/API.md "Environments and promotions"): the same
     * version and content, deployed to a later environment of the lifecycle once it completed in the earlier ones,
     * under that environment's approval policy and freeze windows. Promotions of one version wait for each other on
     * the milestone's lock, so two at once never both pass the checks.
     *
     * @throws ApiException 400 for an unknown environment, 404 for an unknown version, 409 naming why it may not go there now
     */
    @Transactional
    public Release promote(String tag, String environmentText, Actor actor) {
        ReleaseEnvironment environment = environment(environmentText);
        Milestone m = records.lockMilestone(records.find(tag).milestoneId);
        // each deployment locked and refreshed: a rollback or failure committed meanwhile is seen, one waiting comes after
        List<Release> deployments = records.deployments(tag).stream().map(records::lock).toList();
        requireReleasable(m);
        freezes.refuseWhileFrozen(environment.json(), m.id, "promoting " + tag + " to " + environment.json());
        Map<ReleaseEnvironment, String> states = new java.util.EnumMap<>(ReleaseEnvironment.class);
        deployments.forEach(d -> states.put(d.releaseEnvironment(), d.state));
        PromotionPath.refusal(tag, environment, states, environments.optional()).ifPresent(why -> {
            throw ApiException.conflict(why);
        });
        Release from = deployments.stream().filter(d -> "completed".equals(d.state) && d.releaseEnvironment().ordinal() < environment.ordinal())
                .reduce((a, b) -> b).orElseThrow();
        ReleaseOrder order = new ReleaseOrder(m.id, tag, environment.json(), List.of(), from.commitSha, null, List.of(),
                actor.holds(studio.governance.Roles.CI) ? "ci" : "manual", null, from.signedBy, from.rollbackEnabled, from.maxRetries,
                from.deployStrategy, from.documentationStyle, List.of()); // the version's first deployment routes its events
        ReleasePolicy environmentPolicy = policy(environment, rulebook.rules(m).definition(), order);
        // a hotfix stays one wherever it goes: marked, and under the stricter policy
        ReleasePolicy policy = from.hotfixOf == null ? environmentPolicy
                : studio.governance.HotfixPolicy.stricter(environmentPolicy, settings.hotfixExtraApprover());
        Release draft = draft(m, order, environment, targets(List.of(), environment), policy, environments.deployment(environment), actor);
        draft.promotedFrom = from.id;
        draft.hotfixOf = from.hotfixOf;
        draft.hotfixJustification = from.hotfixJustification;
        return startFrom(draft, from, tag, policy, "version " + tag + " is being promoted to " + environment.json() + " already",
                r -> promoted(r, from, policy), actor);
    }

    /**
     * A deployment drafted from an earlier one's content (a promotion, a hotfix), stored under {@code tag}, recorded as
     * {@code recorded} says (about its milestone too) and started under {@code policy}; 409 {@code taken} when a
     * concurrent request took its place first.
     */
    Release startFrom(Release draft, Release earlier, String tag, ReleasePolicy policy, String taken,
                      java.util.function.Function<Release, AuditEntry> recorded, Actor actor) {
        Long id = tryInsert(draft, ReleaseJson.content(earlier.facts), tag);
        if (id == null) throw ApiException.conflict(taken);
        Release r = em.find(Release.class, id);
        audit.record(actor, recorded.apply(r).alsoAbout(List.of(Subject.milestone(r.milestoneId))));
        steps.react(r, new ReleaseStimulus.Created(r.requestedBy, policy.gated()), actor, r.createdAt);
        return r;
    }

    private Inputs inputs(ReleaseOrder order, Actor actor) {
        ReleaseEnvironment environment = environment(order.environment());
        List<String> targets = targets(order.targets(), environment);
        if (order.milestoneId() == null || order.milestoneId().isBlank()) throw ApiException.badRequest("'milestone_id' is required");
        Milestone m = records.lockMilestone(order.milestoneId());
        requireReleasable(m);
        PromotionPath.firstDeploymentRefusal(environment, environments.optional()).ifPresent(why -> {
            throw ApiException.conflict(why);
        });
        // after the milestone is known and releasable: an unknown milestone is 404 and an open one 409 whatever the calendar says
        freezes.refuseWhileFrozen(environment.json(), m.id, "releasing " + m.id + " to " + environment.json());
        requireTrace(m, order.traceId());
        Spans.outcome(Spans.TRACE_ID, m.traceId);
        MilestoneDefinition d = rulebook.rules(m).definition();
        ReleasePolicy policy = policy(environment, d, order);
        VersionPolicy versions = versionPolicy(d);
        Release draft = draft(m, order, environment, targets, policy, environments.deployment(environment), actor);
        return new Inputs(m, draft, records.contentOf(m), versions, policy);
    }

    static ReleaseEnvironment environment(String text) {
        if (text == null || text.isBlank()) throw ApiException.badRequest("'environment' is required: staging, qa or production");
        try {
            return ReleaseEnvironment.parse(text);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    /** The spec: "promotion_targets must contain at least one deploy or tagging action". */
    static List<String> targets(List<String> requested, ReleaseEnvironment environment) {
        if (requested.isEmpty()) return List.of("deploy-to-" + environment.json());
        for (String t : requested) {
            if (t == null || t.isBlank()) throw ApiException.badRequest("a promotion target cannot be empty");
        }
        if (requested.stream().noneMatch(t -> t.startsWith("deploy-to-") || t.startsWith("tag-"))) {
            throw ApiException.badRequest("promotion_targets must contain at least one deploy (deploy-to-...) or tagging (tag-git, tag-docker) action");
        }
        return requested.stream().map(String::strip).toList();
    }

    static void requireReleasable(Milestone m) {
        MilestoneState s = m.lifecycleState();
        if (!s.releasable()) {
            throw ApiException.conflict("milestone " + m.id + " is " + s.label() + "; only a Reached or Closed milestone can be released");
        }
        // A pause or a rejected promotion stops every route to a release: the page, POST /api/releases and autoPromotion.
        HoldPolicy.promotionRefusal(m.id, m.pause(), m.promotionRejection()).ifPresent(why -> {
            throw ApiException.conflict(why);
        });
    }

    /** The spec: trace_id "must exist and match trace from milestone validation". */
    private static void requireTrace(Milestone m, String traceId) {
        if (traceId == null) return;
        if (m.traceId == null) {
            throw ApiException.conflict("the trigger names trace_id " + traceId + " but milestone " + m.id + " has no trace yet; send it without "
                    + "trace_id or once the milestone's evidence carries one");
        }
        if (!m.traceId.equals(traceId)) {
            throw ApiException.conflict("the trigger's trace_id " + traceId + " is not milestone " + m.id + "'s trace (" + m.traceId
                    + "): a trigger promotes the validation it names");
        }
    }

    /**
     * The environment's policy; a trigger's signer (signedBy) must approve, and with the trigger's (or the milestone's)
     * manualApprovalRequired its approvalRoles add an approver; each is added unless one of its roles must approve
     * already. Only ever stricter: manualApprovalRequired: false never lifts an environment's approvers.
     */
    private ReleasePolicy policy(ReleaseEnvironment environment, MilestoneDefinition d, ReleaseOrder order) {
        ReleasePolicy base = environments.policies().policyFor(environment);
        try {
            ReleasePolicy signed = order.signedBy() == null ? base : base.withManualApproval(List.of(order.signedBy()));
            Boolean manual = order.manualApprovalRequired() != null ? order.manualApprovalRequired() : d.manualApprovalRequired();
            return Boolean.TRUE.equals(manual) ? signed.withManualApproval(order.approvalRoles()) : signed;
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("approvalRoles: " + e.getMessage());
        }
    }

    private VersionPolicy versionPolicy(MilestoneDefinition d) {
        try {
            return settings.versionPolicy().merge(d.versionStrategy());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("milestone " + d.id() + " versionStrategy: " + e.getMessage());
        }
    }

    static Release draft(Milestone m, ReleaseOrder order, ReleaseEnvironment environment, List<String> targets, ReleasePolicy policy,
                         studio.governance.DeploymentRules rules, Actor actor) {
        Release r = new Release();
        r.milestoneId = m.id;
        r.environment = environment.json();
        r.trigger = order.trigger();
        r.requestedBy = actor.name();
        r.requestedRoles = actor.sortedRoles();
        r.targets = ReleaseJson.write(targets);
        r.policy = ReleaseJson.policy(policy);
        r.approvalTimeoutSeconds = policy.gated() && policy.approvalTimeout() != null ? policy.approvalTimeout().getSeconds() : null;
        r.commitSha = order.commit();
        r.dockerImages = "[]";
        r.deployStrategy = order.deployStrategy();
        // the environment's own rules first (a platform admin's, governed); then the trigger's; else the installation's
        r.rollbackEnabled = rules.rollbackOnFailure() != null ? rules.rollbackOnFailure() : order.rollbackEnabled();
        r.maxRetries = rules.maxRetries() != null ? rules.maxRetries() : order.maxRetries();
        r.requiredSignals = rules.requiredSignals().toArray(String[]::new);
        r.documentationStyle = order.documentationStyle();
        r.signedBy = order.signedBy();
        r.notifyChannels = order.notifyChannels().toArray(Long[]::new);
        r.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return r;
    }

    /** Resolves a tag and inserts; again with the winner's tag taken when a concurrent release got there first. */
    private Resolved insert(Release draft, ReleaseContent content, VersionPolicy versions, Milestone m, ReleaseOrder order) {
        boolean named = order.versionTag() != null && !order.versionTag().isBlank();
        for (int attempt = 1; ; attempt++) {
            VersionResolution resolution = VersionResolver.resolve(new VersionRequest(versions, new VersionedMilestone(m.id, m.versionTag, m.phase),
                    order.versionTag(), takenTags(), LocalDate.now(ZoneOffset.UTC), content.sprintIds(), order.commit()));
            if (resolution instanceof Rejected rejected) throw new ApiException(rejected.status(), rejected.message());
            Resolved resolved = (Resolved) resolution;
            Long id = tryInsert(draft, content, resolved.tag());
            if (id != null) {
                draft.id = id;
                return resolved;
            }
            if (named) throw ApiException.conflict("version tag " + resolved.tag() + " exists (taken by a concurrent release)");
            if (attempt >= MAX_ATTEMPTS) throw ApiException.conflict("no free version tag after " + attempt + " attempts; name a version_tag");
        }
    }

    @SuppressWarnings("unchecked")
    private TakenTags takenTags() {
        List<Object[]> rows = em.createNativeQuery("select version_tag, milestone_id from release").getResultList();
        Map<String, String> taken = new LinkedHashMap<>();
        rows.forEach(r -> taken.put((String) r[0], (String) r[1]));
        return TakenTags.of(taken);
    }

    /** The new row's id, or null when the tag is taken. */
    @SuppressWarnings("unchecked")
    Long tryInsert(Release d, ReleaseContent content, String tag) {
        String hash = ReleaseManifest.of(ReleaseRecords.facts(d, content, tag, d.createdAt)).contentHash();
        List<Number> ids = em.createNativeQuery("""
                insert into release (version_tag, milestone_id, environment, state, trigger, requested_by, requested_roles, trace_id,
                                     targets, facts, content_hash, policy, approval_timeout_seconds, commit_sha, docker_images,
                                     created_at, state_since, deploy_strategy, rollback_enabled, documentation_style, signed_by, max_retries,
                                     promoted_from, notify_channels, required_signals, hotfix_of, hotfix_justification)
                values (?1, ?2, ?3, 'pending', ?4, ?5, ?6, ?7, cast(?8 as jsonb), cast(?9 as jsonb), ?10, cast(?11 as jsonb), ?12, ?13,
                        cast('[]' as jsonb), ?14, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24)
                on conflict do nothing returning id""")
                .setParameter(1, tag).setParameter(2, d.milestoneId).setParameter(3, d.environment).setParameter(4, d.trigger)
                .setParameter(5, d.requestedBy).setParameter(6, d.requestedRoles).setParameter(7, content.traceId())
                .setParameter(8, d.targets).setParameter(9, ReleaseJson.write(content)).setParameter(10, hash).setParameter(11, d.policy)
                .setParameter(12, d.approvalTimeoutSeconds).setParameter(13, d.commitSha).setParameter(14, d.createdAt)
                .setParameter(15, d.deployStrategy).setParameter(16, d.rollbackEnabled).setParameter(17, d.documentationStyle)
                .setParameter(18, d.signedBy).setParameter(19, d.maxRetries).setParameter(20, d.promotedFrom)
                .setParameter(21, d.notifyChannels).setParameter(22, d.requiredSignals).setParameter(23, d.hotfixOf)
                .setParameter(24, d.hotfixJustification)
                .getResultList();
        return ids.isEmpty() ? null : ids.get(0).longValue();
    }

    private static AuditEntry promoted(Release r, Release from, ReleasePolicy policy) {
        var p = ReleaseJson.JSON.createObjectNode().put("event", "ReleasePromoted").put("version_tag", r.versionTag)
                .put("milestone_id", r.milestoneId).put("from_environment", from.environment).put("environment", r.environment)
                .put("trigger", r.trigger).put("policy", policy.describe()).put("content_hash", r.contentHash)
                .put("version_content_hash", from.contentHash);
        r.settings().writeTo(p);
        return AuditEntry.of("ReleasePromoted", Subject.release(r.versionTag), r.traceId, p);
    }

    private static AuditEntry requested(Release r, Resolved resolved, ReleasePolicy policy) {
        var p = ReleaseJson.JSON.createObjectNode().put("event", "ReleaseRequested").put("version_tag", r.versionTag)
                .put("milestone_id", r.milestoneId).put("environment", r.environment).put("trigger", r.trigger)
                .put("version_resolution", resolved.explanation()).put("policy", policy.describe()).put("content_hash", r.contentHash);
        ReleaseJson.strings(r.targets).forEach(p.putArray("promotion_targets")::add);
        r.settings().writeTo(p);
        if (r.maxRetries != null) p.put("max_retries", r.maxRetries);
        return AuditEntry.of("ReleaseRequested", Subject.release(r.versionTag), r.traceId, p);
    }
}
