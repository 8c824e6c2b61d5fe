package studio.release;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import studio.format.Names;
import studio.gate.GateReport;
import studio.governance.ReleaseApproval;
import studio.governance.ReleaseApproval.Decision;
import studio.governance.ReleasePolicy;
import studio.milestone.Milestone;
import studio.milestone.MilestoneReadout;
import studio.milestone.StoredReport;
import studio.persistence.Rows;
import studio.release.document.GateOutcome;
import studio.release.document.ReleaseContent;
import studio.release.document.ReleaseFacts;
import studio.release.document.ReleaseOverride;
import studio.release.document.ReleasedFeature;
import studio.release.lifecycle.ReleaseState;
import studio.web.ApiException;

/**
 * Reads releases and what belongs to them: the row (optionally locked), its approvals, its facts as the core's
 * documents need them, and the content a milestone would ship now.
 */
@ApplicationScoped
@jakarta.inject.Named("releaseRecords")
public class ReleaseRecords {

    @Inject
    EntityManager em;

    /**
     * The version's newest deployment: the one its actions (approve, reject, retry, roll back) and its page address.
     *
     * @throws ApiException 404 for an unknown tag
     */
    public Release find(String tag) {
        return Release.<Release>find("versionTag = ?1 order by id desc", tag).firstResultOptional()
                .orElseThrow(() -> ApiException.notFound("unknown release " + tag));
    }

    /**
     * The version's newest deployment to {@code environment}, or its newest when that is null.
     *
     * @throws ApiException 404 for an unknown tag, or a version never deployed there
     */
    public Release find(String tag, String environment) {
        if (environment == null || environment.isBlank()) return find(tag);
        String env = environment.strip().toLowerCase(java.util.Locale.ROOT);
        return Release.<Release>find("versionTag = ?1 and environment = ?2 order by id desc", tag, env).firstResultOptional()
                .orElseThrow(() -> {
                    find(tag);
                    return ApiException.notFound("release " + tag + " was never deployed to " + env);
                });
    }

    /** Every deployment of the version, in the order they were made. */
    public List<Release> deployments(String tag) {
        return Release.<Release>find("versionTag = ?1 order by id", tag).list();
    }

    /**
     * The deployment an action names, locked: the version's deployment to {@code environment}, or its newest when that
     * is null. Refused (409) when it is no longer the newest: a page opened before a promotion must not act on another
     * environment's deployment, nor on the one it shows, which has handed the version on.
     */
    public Release lockForAction(String tag, String environment) {
        Release r = lock(find(tag, environment));
        Release newest = find(tag);
        if (!newest.id.equals(r.id)) {
            throw ApiException.conflict("version " + tag + " was promoted to " + newest.environment + " after its " + r.environment
                    + " deployment; that deployment takes no more actions (open the " + newest.environment + " deployment)");
        }
        return r;
    }

    /**
     * The deployment's row locked for the rest of the transaction: its decisions are taken one at a time. Refreshed
     * under the lock, so a row this transaction read before shows what the previous holder of the lock committed.
     */
    public Release lock(Release r) {
        em.refresh(r, LockModeType.PESSIMISTIC_WRITE);
        return r;
    }

    /** Each signal's newest report for deployment {@code r} (one query), by gate. */
    public Map<String, studio.governance.DeploymentRules.Report> signals(Release r) {
        Map<String, studio.governance.DeploymentRules.Report> out = new java.util.LinkedHashMap<>();
        studio.persistence.Rows.list(em, """
                select distinct on (gate) id, gate, status, reported_at from deployment_signal where release_id = ? order by gate, id desc""",
                row -> out.put(row.text("gate"), new studio.governance.DeploymentRules.Report(row.number("id"), row.text("gate"),
                        "pass".equals(row.text("status")), row.instant("reported_at"))), r.id);
        return out;
    }

    /** The signals deployment {@code r} still waits for before CI's ReleaseCompleted may complete it (empty: none). */
    public List<String> waitingFor(Release r) {
        List<String> awaited = r.awaitedSignals();
        return awaited.isEmpty() ? List.of() : studio.governance.DeploymentRules.waitingFor(awaited, signals(r), r.signalsAfter);
    }

    /** The newest signal report of deployment {@code r} (0: none): reports up to it do not count for a new hand-over to CI. */
    public long lastSignal(Release r) {
        return Rows.first(em, "select coalesce(max(id), 0) as last from deployment_signal where release_id = ?", row -> row.number("last"), r.id)
                .orElse(0L);
    }

    public Milestone milestone(String id) {
        Milestone m = em.find(Milestone.class, id);
        if (m == null) throw ApiException.notFound("unknown milestone " + id);
        return m;
    }

    /** The milestone row locked: milestone before release is the order every release command takes its locks in. */
    public Milestone lockMilestone(String id) {
        Milestone m = em.find(Milestone.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (m == null) throw ApiException.notFound("unknown milestone " + id);
        return m;
    }

    public List<ReleaseApproval> approvals(long releaseId) {
        return approvalsOf(List.of(releaseId)).getOrDefault(releaseId, List.of());
    }

    /** Every decision on the given releases, oldest first, in one query. */
    public Map<Long, List<ReleaseApproval>> approvalsOf(List<Long> releaseIds) {
        Map<Long, List<ReleaseApproval>> out = new HashMap<>();
        if (releaseIds.isEmpty()) return out;
        Rows.list(em, """
                select release_id, approver, role, decision, reason, decided_at, expires_at, content_hash from release_approval
                where release_id = any(?) order by decided_at, id""",
                r -> Map.entry(r.number("release_id"), new ReleaseApproval(r.text("approver"), r.text("role"),
                        Names.parse(Decision.class, r.text("decision")), r.text("reason"), r.instant("decided_at"), r.instant("expires_at"),
                        r.text("content_hash"))),
                (Object) releaseIds.toArray(Long[]::new))
                .forEach(e -> out.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return out;
    }

    /**
     * Whether the release's approvals still hold at {@code now} (always, where its policy needs none): a retry hands it
     * to CI again only then, and otherwise asks for them again.
     */
    public boolean approvalsHold(Release r, java.time.Instant now) {
        ReleasePolicy policy = policy(r);
        return !policy.gated() || studio.governance.ApprovalLedger.evaluate(policy, r.requestedBy, approvals(r.id), r.contentHash, now)
                instanceof studio.governance.ApprovalStatus.Satisfied;
    }

    public ReleasePolicy policy(Release r) {
        return ReleaseJson.policy(r.policy);
    }

    /** The release as its documents present it, listing the approvals of its current content. */
    public ReleaseFacts facts(Release r, List<ReleaseApproval> decisions) {
        List<ReleaseApproval> approvals = decisions.stream()
                .filter(a -> a.decision() == Decision.APPROVED && a.contentHash().equals(r.contentHash)).toList();
        return facts(r, ReleaseJson.content(r.facts), r.versionTag, r.createdAt).withApprovals(approvals);
    }

    /** The facts of {@code r} with {@code content} under {@code tag}, before any approval. */
    static ReleaseFacts facts(Release r, ReleaseContent c, String tag, Instant createdAt) {
        return new ReleaseFacts(tag, r.milestoneId, c.milestoneName(), c.traceId(), r.releaseEnvironment(), r.requestedBy, createdAt,
                r.releasedAt, r.state == null ? ReleaseState.PENDING : r.lifecycleState(), c.features(), c.qaCoverage(), c.sprintIds(),
                c.gates(), List.of(), c.overrides(), r.commitSha, ReleaseJson.strings(r.dockerImages), ReleaseJson.strings(r.targets), r.settings());
    }

    /** What releasing {@code m} would ship now: its stored gate report, feature coverage, sprints and approved overrides. */
    public ReleaseContent contentOf(Milestone m) {
        GateReport report = StoredReport.of(MilestoneReadout.parse(m.report));
        Map<String, Integer> tests = tests(List.copyOf(report.featureCoverage().keySet()));
        List<ReleasedFeature> features = new ArrayList<>();
        report.featureCoverage().forEach((f, coverage) -> features.add(new ReleasedFeature(f, coverage, tests.get(f))));
        return new ReleaseContent(m.name, m.traceId, features, report.coverageAverage(), report.contributingSprints(),
                report.gates().stream().map(GateOutcome::of).toList(), overrides(m.id));
    }

    /** The test count behind each feature's newest coverage figure. */
    private Map<String, Integer> tests(List<String> features) {
        Map<String, Integer> out = new LinkedHashMap<>();
        if (features.isEmpty()) return out;
        Rows.list(em, """
                select distinct on (feature_id) feature_id, tests from coverage_fact where feature_id = any(?)
                order by feature_id, occurred_at desc, evidence_id desc""",
                r -> Map.entry(r.text("feature_id"), r.integer("tests")), (Object) features.toArray(String[]::new))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private List<ReleaseOverride> overrides(String milestoneId) {
        return Rows.list(em, """
                select id, gates, requested_by, decided_by, reason, decided_at, expires_at from override_request
                where milestone_id = ? and status = 'approved' order by id""",
                r -> new ReleaseOverride(r.number("id"), r.texts("gates"), r.text("requested_by"), r.text("decided_by"), r.text("reason"),
                        r.instant("decided_at"), r.instant("expires_at")), milestoneId);
    }
}
