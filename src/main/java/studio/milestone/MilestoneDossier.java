package studio.milestone;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import studio.audit.AuditPageRequest;
import studio.audit.Timeline;
import studio.audit.TimelineFilters;
import studio.audit.TimelineRows;
import studio.definition.MilestoneDefinition;
import studio.definition.MilestoneProgress;
import studio.gate.GateCondition;
import studio.gate.GateReport;
import studio.gate.GateResult;
import studio.governance.Actor;
import studio.governance.BypassPolicy;
import studio.governance.DefinitionChangePolicy;
import studio.governance.GovernedMilestone;
import studio.governance.OverridePolicy;
import studio.governance.OverrideTicket;
import studio.governance.SignOffs;
import studio.milestone.MilestonePage.BypassRow;
import studio.milestone.MilestonePage.FeatureBar;
import studio.milestone.MilestonePage.GateRow;
import studio.milestone.MilestonePage.Header;
import studio.milestone.MilestonePage.OverrideRow;
import studio.persistence.Rows;
import studio.web.ApiException;

/**
 * Reads everything the milestone page shows in a fixed, small number of queries: the milestone row, its override
 * requests, the people's marks on its criteria, what its sprints reported completed, and one page of its audit timeline.
 */
@ApplicationScoped
public class MilestoneDossier {

    static final int TIMELINE_PAGE = 15;

    /** A stored piece of evidence exactly as it was received. */
    public record EvidenceRecord(long id, String kind, String eventType, String sprintId, String milestoneId, String featureId,
                                 Instant occurredAt, Instant receivedAt, String traceId, String actor, String contentType,
                                 String body) {}

    @Inject
    EntityManager em;

    @Inject
    MilestoneViews views;
    @Inject
    MilestoneRulebook rulebook;
    @Inject
    CriterionMarks marks;
    @Inject
    MilestoneSignOffs signOffs;
    @Inject
    TimelineRows timelines;
    @Inject
    DefinitionHistory history;
    @Inject
    MilestoneArtifacts artifacts;
    @Inject
    MilestoneTriggers triggers;

    /** @param asOf the moment to show (null: now); {@code asOfText} is how the URL wrote it */
    public MilestonePage read(String id, Instant asOf, String asOfText, Actor actor) {
        Milestone m = views.find(id);
        MilestoneViews.View view = views.at(m, asOf);
        MilestoneRules rules = rulebook.rules(m);
        GateReport report = StoredReport.of(view.report());
        MilestoneProgress progress = views.progress(view);
        GovernedMilestone governed = rules.governed(m.lifecycleState());
        List<OverrideRow> overrides = signOffs.overrideRows(m.id).stream()
                .map(o -> o.withStillNeeded(!"requested".equals(o.status()) ? null : OverridePolicy.stillNeeded(OverridePolicy.quorum(governed, o.ticket()), o.ticket())))
                .toList();
        List<BypassRow> bypasses = signOffs.bypassRows(m.id).stream()
                .map(b -> b.withStillNeeded(b.open() ? BypassPolicy.stillNeeded(governed, b.ticket()) : null)).toList();
        List<OverrideTicket> tickets = overrides.stream().map(OverrideRow::ticket).toList();
        ControlPanel panel = asOf != null ? ControlPanel.NONE
                : ControlPanel.of(actor, governed, report, tickets, SignOffs.of(signOffs.manualDeciders(m.id), tickets),
                        bypasses.stream().map(BypassRow::ticket).toList(), m.escalatedBy, Instant.now())
                        .holding(actor, governed, m.pause(), m.promotionRejection());
        MilestoneDefinition d = rules.definition();
        return new MilestonePage(header(m, view, rules, progress), asOfText, asOf, gateRows(report, rules, m.id),
                report.coverageAverage(), coverageThreshold(rules), features(d, report),
                AcceptanceCriteria.rows(d, MilestoneViews.gateStatuses(view.report()), marks.marks(m.id)), progress,
                d.deliverables(), d.risks(), d.blockers(), report.contributingSprints(),
                artifacts.linked(d.requiredArtifacts(), report.contributingSprints(), asOf),
                asOf == null ? triggers.view(m.id, d) : new MilestoneTriggers.View(List.of(), List.of()), panel,
                overrides, bypasses, definitions(m.id, governed, asOf, actor), timeline(m.id, null), null, null);
    }

    /** The definition's versions and loosening changes; the pending one decidable only on the live page. */
    private DefinitionHistory.View definitions(String id, GovernedMilestone governed, Instant asOf, Actor actor) {
        DefinitionHistory.View view = history.of(id);
        DefinitionHistory.Change pending = view.pending();
        return view.deciding(asOf == null && pending != null
                && DefinitionChangePolicy.decide(actor, governed, pending.author(), true, ControlPanel.REASON_TO_BE_GIVEN).allowed());
    }

    public EvidenceRecord evidence(long id) {
        return Rows.first(em, """
                select id, kind, event_type, sprint_id, milestone_id, feature_id, occurred_at, received_at, trace_id, actor,
                       content_type, body from evidence where id = ?""", r -> new EvidenceRecord(r.number("id"), r.text("kind"),
                r.text("event_type"), r.text("sprint_id"), r.text("milestone_id"), r.text("feature_id"), r.instant("occurred_at"),
                r.instant("received_at"), r.text("trace_id"), r.text("actor"), r.text("content_type"), r.text("body")), id)
                .orElseThrow(() -> ApiException.notFound("unknown evidence " + id));
    }

    /** One page of the milestone's own timeline, newest first. */
    public Timeline timeline(String milestoneId, Long after) {
        TimelineFilters filters = TimelineFilters.milestone(milestoneId);
        return timelines.page(new AuditPageRequest(filters.params(null, null).filter(), after, TIMELINE_PAGE), filters.query());
    }

    private static Header header(Milestone m, MilestoneViews.View v, MilestoneRules rules, MilestoneProgress progress) {
        MilestoneDefinition d = rules.definition();
        Instant since = v.state().equals(m.state) ? m.stateSince : null;
        return new Header(m.id, m.name, m.description, v.state(), since, m.versionTag, m.phase, m.owner, m.governedBy,
                m.targetDate, progress.atRisk(), Arrays.asList(m.labels), v.evaluatedAt(), m.traceId,
                d.effectiveApprovalRoles(), rules.manualOverrideAllowed(), m.pause(), m.promotionRejection(), m.retryCount, m.timerRetries,
                overdueSprints(m.overdueSprints), intent(d));
    }

    /** What the definition says the milestone is for and how it is traced, beyond its gates. */
    private static MilestonePage.Intent intent(MilestoneDefinition d) {
        studio.definition.Traceability t = d.traceability();
        String orchestrator = d.orchestrator() != null ? d.orchestrator() : t == null ? null : t.orchestrator();
        return new MilestonePage.Intent(d.goal(), d.valueDelivered(), orchestrator, t == null ? null : t.tracePattern(),
                d.observabilityTags());
    }

    /** "sprint-3 orphaned (never started, 420s)", as the timer found them when it escalated the milestone. */
    private static List<String> overdueSprints(String json) {
        if (json == null) return List.of();
        List<String> out = new ArrayList<>();
        MilestoneReadout.parse(json).path("sprints").forEach(s -> out.add(new studio.governance.SprintTimeouts.OverdueSprint(s.path("sprint_id").asText(),
                "orphaned".equals(s.path("kind").asText()) ? studio.governance.SprintTimeouts.Kind.ORPHANED
                        : studio.governance.SprintTimeouts.Kind.LONG_RUNNING, s.path("age_seconds").asLong()).describe()));
        return out;
    }

    private static List<GateRow> gateRows(GateReport report, MilestoneRules rules, String milestoneId) {
        Map<String, GateCondition> byKey = new HashMap<>();
        Map<String, Long> named = new HashMap<>();
        rules.gates().forEach(g -> {
            byKey.put(g.key(), g);
            named.merge(g.name(), 1L, Long::sum);
        });
        List<GateRow> rows = new ArrayList<>();
        for (GateResult g : report.gates()) {
            String label = named.getOrDefault(g.condition(), 0L) > 1 ? g.key() : g.condition();
            rows.add(GateReadings.row(g, byKey.get(g.key()), milestoneId, label));
        }
        return rows;
    }

    /** The threshold the coverage bars are drawn against: the milestone's coverage gate, if it has one. */
    static Double coverageThreshold(MilestoneRules rules) {
        return rules.gates().stream().filter(GateCondition.Coverage.class::isInstance)
                .map(g -> ((GateCondition.Coverage) g).threshold()).findFirst().orElse(null);
    }

    private static List<FeatureBar> features(MilestoneDefinition d, GateReport report) {
        return d.requiredFeatures().stream()
                .map(f -> new FeatureBar(f, report.featureCoverage().get(f), report.featuresCovered().contains(f))).toList();
    }
}
