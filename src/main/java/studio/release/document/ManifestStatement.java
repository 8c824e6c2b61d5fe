package studio.release.document;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import studio.governance.ReleaseApproval;

/** The in-toto Statement v1 of a release, as a JSON tree (field by field; {@link ReleaseManifest} documents them). */
public final class ManifestStatement {

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern IMAGE_DIGEST = Pattern.compile("(.+)@sha256:([0-9a-f]{64})");

    private ManifestStatement() {}

    static ObjectNode predicate(ReleaseFacts f) {
        ObjectNode p = JSON.createObjectNode();
        p.put("version_tag", f.versionTag());
        p.put("git_tag", f.gitTag());
        p.put("milestone_id", f.milestoneId());
        p.put("milestone_name", f.milestoneName());
        p.put("trace_id", f.traceId());
        p.put("environment", f.environment().json());
        p.put("requested_by", f.requestedBy());
        p.put("created_at", time(f.createdAt()));
        p.put("released_at", time(f.releasedAt()));
        p.put("commit", f.commit());
        if (!f.settings().isEmpty()) f.settings().writeTo(p.putObject("settings"));
        strings(p.putArray("promotion_targets"), f.promotionTargets());
        strings(p.putArray("docker_images"), f.dockerImages());
        ArrayNode features = p.putArray("features");
        f.features().forEach(x -> features.addObject().put("name", x.name()).put("coverage", x.coverage()).put("tests", x.tests()));
        strings(p.putArray("sprint_ids"), f.sprintIds());
        p.put("qa_coverage", f.qaCoverage());
        ArrayNode gates = p.putArray("gates");
        f.gates().forEach(g -> gates.addObject().put("condition", g.condition()).put("status", g.status()).put("threshold", g.threshold())
                .put("role", g.role()).put("actual", g.actual()).put("detail", g.detail()).put("override_id", g.overrideId()));
        approvals(p.putArray("approvals"), f.approvals());
        overrides(p.putArray("overrides"), f.overrides());
        return p;
    }

    static ObjectNode statement(ReleaseFacts f, String contentHash) {
        ObjectNode s = JSON.createObjectNode();
        s.put("_type", ReleaseManifest.STATEMENT_TYPE);
        ArrayNode subjects = s.putArray("subject");
        ObjectNode release = subjects.addObject().put("name", f.versionTag());
        ObjectNode digest = release.putObject("digest").put("sha256", contentHash);
        if (f.commit() != null) digest.put("gitCommit", f.commit());
        for (String image : f.dockerImages()) {
            Matcher m = IMAGE_DIGEST.matcher(image);
            if (m.matches()) subjects.addObject().put("name", m.group(1)).putObject("digest").put("sha256", m.group(2));
        }
        s.put("predicateType", ReleaseManifest.PREDICATE_TYPE);
        s.set("predicate", predicate(f).put("content_hash", contentHash));
        return s;
    }

    private static void approvals(ArrayNode out, List<ReleaseApproval> approvals) {
        approvals.stream().sorted(Comparator.comparing(ReleaseApproval::at).thenComparing(ReleaseApproval::approver))
                .forEach(a -> out.addObject().put("approver", a.approver()).put("role", a.role()).put("decision", a.decision().json())
                        .put("reason", a.reason()).put("approved_at", time(a.at())).put("expires_at", time(a.expiresAt()))
                        .put("content_hash", a.contentHash()));
    }

    private static void overrides(ArrayNode out, List<ReleaseOverride> overrides) {
        overrides.stream().sorted(Comparator.comparingLong(ReleaseOverride::id)).forEach(o -> {
            ObjectNode n = out.addObject().put("override_id", o.id());
            strings(n.putArray("gates"), o.gates());
            n.put("requested_by", o.requestedBy()).put("approved_by", o.approvedBy()).put("reason", o.reason())
                    .put("approved_at", time(o.approvedAt())).put("expires_at", time(o.expiresAt()));
        });
    }

    private static void strings(ArrayNode out, List<String> values) {
        values.forEach(out::add);
    }

    public static String time(Instant t) {
        return t == null ? null : t.toString();
    }
}
