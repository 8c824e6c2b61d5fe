package studio.report;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import studio.definition.MilestoneDefinition;
import studio.milestone.AcceptanceCriteria;
import studio.milestone.CriterionMarks;
import studio.milestone.Milestone;
import studio.milestone.MilestoneRulebook;
import studio.milestone.MilestoneViews;
import studio.persistence.Row;
import studio.persistence.Rows;

/**
 * Builds status reports from the read models that exist: the milestone's stored gate report and progress
 * ({@link MilestoneViews}), its definition (criteria, deliverables, risks, blockers), its contributing sprints' newest
 * test figures, and the decisions in the audit trail. A milestone's report reads a handful of rows; the programme's
 * reads the milestones once and the decisions once, however many milestones there are (at most
 * {@link #PROGRAMME_CAP}).
 */
@ApplicationScoped
public class StatusReports {

    /** The most milestones the programme report lists; it says how many it left out. */
    public static final int PROGRAMME_CAP = 200;
    static final int DECISIONS = 50;

    /** The audit events that are people's decisions on a milestone. */
    static final List<String> DECISION_EVENTS = List.of("MilestoneOverrideApproved", "MilestoneOverrideRejected",
            "MilestoneOverrideRevoked", "ManualGateDecided", "MilestoneBypassApproved", "MilestoneBypassRejected",
            "MilestoneDefinitionChangeApproved", "MilestoneDefinitionChangeRejected", "AcceptanceCriterionMarked");

    private static final String DECIDED = """
            select e.seq, e.occurred_at, e.actor, e.type, e.subject_id, e.payload from audit_event e
            where e.type = any(?) and e.subject_type = 'milestone' %s
            order by e.seq desc limit ?""";

    @Inject
    EntityManager em;
    @Inject
    MilestoneViews views;
    @Inject
    MilestoneRulebook rulebook;
    @Inject
    CriterionMarks marks;

    public StatusReport milestone(String id) {
        Milestone m = views.find(id);
        MilestoneViews.View v = views.current(m);
        MilestoneDefinition d = rulebook.rules(m).definition();
        ReportLines lines = ReportLines.of(d, v.report(), marks.marks(id));
        List<Row> sprints = sprints(v.report());
        boolean pastTarget = m.targetDate != null && LocalDate.now(ZoneOffset.UTC).isAfter(m.targetDate)
                && !"COMPLETE".equals(StatusReportRules.summary(m.state));
        List<String> risks = StatusReportRules.risks(d.risks(), pastTarget, String.valueOf(m.targetDate), lines.pendingGates());
        List<String> blockers = StatusReportRules.blockers(lines.failingGates(), sprintHolds(sprints), d.blockers());
        return new StatusReport(m.id, m.name == null ? m.id : m.name, m.state, StatusReportRules.summary(m.state),
                lines.percent(m.state), m.phase, m.owner, m.targetDate, m.versionTag,
                m.coverageAvg == null ? null : m.coverageAvg.doubleValue(), lines.criteria(), lines.deliverables(), lines.gates(),
                tests(sprints), risks, blockers, decisions(id, DECISIONS),
                StatusReportRules.nextSteps(m.state, lines.gates(), lines.criteria(), lines.deliverables()), Instant.now());
    }

    /** Every milestone's line (at most the cap), per-phase and overall progress, and the programme's newest decisions. */
    public ProgrammeReport programme() {
        List<Milestone> shown = Milestone.<Milestone>find("order by coalesce(phase, '~'), id").range(0, PROGRAMME_CAP - 1).list();
        long total = shown.size() < PROGRAMME_CAP ? shown.size() : Milestone.count();
        Map<String, Map<String, AcceptanceCriteria.Mark>> allMarks = marks(shown);
        List<ProgrammeReport.MilestoneLine> lines = new ArrayList<>();
        List<String> blockers = new ArrayList<>();
        List<String> next = new ArrayList<>();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (Milestone m : shown) {
            MilestoneDefinition d = rulebook.rules(m).definition();
            ReportLines l = ReportLines.of(d, stored(m), allMarks.getOrDefault(m.id, Map.of()));
            String summary = StatusReportRules.summary(m.state);
            boolean atRisk = "BLOCKED".equals(summary) || (m.targetDate != null && today.isAfter(m.targetDate) && !"COMPLETE".equals(summary));
            lines.add(new ProgrammeReport.MilestoneLine(m.id, m.name == null ? m.id : m.name, m.phase, m.state, summary, l.percent(m.state), atRisk));
            StatusReportRules.blockers(l.failingGates(), List.of(), d.blockers()).forEach(b -> blockers.add(m.id + ": " + b));
            StatusReportRules.nextSteps(m.state, l.gates(), l.criteria(), l.deliverables()).stream().findFirst()
                    .ifPresent(step -> next.add(m.id + ": " + step));
        }
        return new ProgrammeReport(ProgrammeProgress.overall(lines), ProgrammeProgress.phases(lines), lines, lines.size(), (int) total,
                blockers, decisions(null, DECISIONS), next, Instant.now());
    }

    private static JsonNode stored(Milestone m) {
        return studio.milestone.MilestoneReadout.parse(m.report);
    }

    private Map<String, Map<String, AcceptanceCriteria.Mark>> marks(List<Milestone> milestones) {
        Map<String, Map<String, AcceptanceCriteria.Mark>> out = new HashMap<>();
        if (milestones.isEmpty()) return out;
        Rows.list(em, "select milestone_id, criterion, met, marked_by, marked_at from criterion_mark where milestone_id = any(?)",
                r -> r, (Object) milestones.stream().map(m -> m.id).toArray(String[]::new))
                .forEach(r -> out.computeIfAbsent(r.text("milestone_id"), k -> new HashMap<>()).put(r.text("criterion"),
                        new AcceptanceCriteria.Mark(r.flag("met"), r.text("marked_by"), r.instant("marked_at"))));
        return out;
    }

    /** The newest decisions people took, on one milestone or (null) on any, newest first. */
    List<StatusReport.Decision> decisions(String milestoneId, int limit) {
        String sql = DECIDED.formatted(milestoneId == null ? "" : "and e.subject_id = ?");
        List<Object> params = new ArrayList<>();
        params.add(DECISION_EVENTS.toArray(String[]::new));
        if (milestoneId != null) params.add(milestoneId);
        params.add(limit);
        return Rows.list(em, sql, params, r -> Decisions.of(r.number("seq"), r.instant("occurred_at"), r.text("subject_id"),
                r.text("type"), r.text("actor"), r.text("payload")));
    }

    /** The contributing sprints with their state, what holds their closure and their newest test figures: one statement. */
    private List<Row> sprints(JsonNode report) {
        List<String> ids = new ArrayList<>();
        if (report != null) report.path("sprints_contributing").forEach(s -> ids.add(s.asText()));
        if (ids.isEmpty()) return List.of();
        return Rows.list(em, """
                select s.id, s.state, s.closure_held, t.passed, t.failed from sprint s
                left join lateral (select r.passed, r.failed from test_result_fact r where r.sprint_id = s.id
                                   order by r.occurred_at desc, r.evidence_id desc limit 1) t on true
                where s.id = any(?) order by s.id""", r -> r, (Object) ids.toArray(String[]::new));
    }

    private static List<StatusReport.TestLine> tests(List<Row> sprints) {
        return sprints.stream().filter(s -> s.number("passed") != null)
                .map(s -> new StatusReport.TestLine(s.text("id"), s.number("passed"), s.number("failed"))).toList();
    }

    private static List<String> sprintHolds(List<Row> sprints) {
        List<String> out = new ArrayList<>();
        for (Row s : sprints) {
            if ("blocked".equals(s.text("state"))) out.add("Sprint " + s.text("id") + " is blocked" + held(s));
            else if (s.text("closure_held") != null) out.add("Sprint " + s.text("id") + " is held from closing" + held(s));
        }
        return out;
    }

    private static String held(Row s) {
        return s.text("closure_held") == null ? "" : ": " + s.text("closure_held");
    }

}
