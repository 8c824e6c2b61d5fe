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
public class ReleaseRecords {

    @Inject
    EntityManager em;

    public Release find(String tag) {
        List<Release> found = em.createQuery("from Release r where r.versionTag = :tag", Release.class)
                .setParameter("tag", tag).getResultList();
        if (found.isEmpty()) throw ApiException.notFound("unknown release " + tag);
        return found.get(0);
    }

    /** The release row locked for the rest of the transaction: its decisions are taken one at a time. */
    public Release lock(String tag) {
        Release r = find(tag);
        em.refresh(r, LockModeType.PESSIMISTIC_WRITE);
        return r;
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

    @SuppressWarnings("unchecked")
    public List<ReleaseApproval> approvals(long releaseId) {
        return approvalsOf(List.of(releaseId)).getOrDefault(releaseId, List.of());
    }

    /** Every decision on the given releases, oldest first, in one query. */
    @SuppressWarnings("unchecked")
    public Map<Long, List<ReleaseApproval>> approvalsOf(List<Long> releaseIds) {
        Map<Long, List<ReleaseApproval>> out = new HashMap<>();
        if (releaseIds.isEmpty()) return out;
        List<Object[]> rows = em.createNativeQuery("""
                select release_id, approver, role, decision, reason, decided_at, expires_at, content_hash from release_approval
                where release_id = any(?1) order by decided_at, id""")
                .setParameter(1, releaseIds.toArray(Long[]::new)).getResultList();
        for (Object[] r : rows) {
            out.computeIfAbsent(((Number) r[0]).longValue(), k -> new ArrayList<>()).add(new ReleaseApproval((String) r[1], (String) r[2],
                    Names.parse(Decision.class, (String) r[3]), (String) r[4], (Instant) r[5], (Instant) r[6],
                    (String) r[7]));
        }
        return out;
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
                c.gates(), List.of(), c.overrides(), r.commitSha, ReleaseJson.strings(r.dockerImages), ReleaseJson.strings(r.targets));
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
    @SuppressWarnings("unchecked")
    private Map<String, Integer> tests(List<String> features) {
        Map<String, Integer> out = new LinkedHashMap<>();
        if (features.isEmpty()) return out;
        List<Object[]> rows = em.createNativeQuery("""
                select distinct on (feature_id) feature_id, tests from coverage_fact where feature_id = any(?1)
                order by feature_id, occurred_at desc, evidence_id desc""").setParameter(1, features.toArray(String[]::new)).getResultList();
        rows.forEach(r -> out.put((String) r[0], ((Number) r[1]).intValue()));
        return out;
    }

    @SuppressWarnings("unchecked")
    private List<ReleaseOverride> overrides(String milestoneId) {
        List<Object[]> rows = em.createNativeQuery("""
                select id, gates, requested_by, decided_by, reason, decided_at, expires_at from override_request
                where milestone_id = ?1 and status = 'approved' order by id""").setParameter(1, milestoneId).getResultList();
        return rows.stream().map(r -> new ReleaseOverride(((Number) r[0]).longValue(), List.of((String[]) r[1]), (String) r[2],
                (String) r[3], (String) r[4], (Instant) r[5], (Instant) r[6])).toList();
    }
}
