package studio.milestone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import studio.definition.MilestoneProgress;
import studio.format.Names;
import studio.gate.GateStatus;
import studio.persistence.Rows;
import studio.web.ApiException;

/**
 * Read-outs of milestones in the milestone-status.json shape: now, or as they were at a past moment (from the
 * evaluation snapshots). Lists read the report stored on each row: one query however many milestones.
 */
@ApplicationScoped
public class MilestoneViews {

    /** A milestone as shown: its row, the gate report shown with it, and when that report was computed. */
    public record View(Milestone milestone, String state, ObjectNode report, Instant evaluatedAt) {}

    @Inject
    EntityManager em;
    @Inject
    MilestoneRulebook rulebook;

    public List<Milestone> all(String state) {
        Sort byId = Sort.by("id");
        return state == null ? Milestone.listAll(byId) : Milestone.list("state", byId, state.toLowerCase(Locale.ROOT));
    }

    public Milestone find(String id) {
        Milestone m = Milestone.findById(id);
        if (m == null) throw ApiException.notFound("unknown milestone " + id);
        return m;
    }

    /** The milestone locked for update (the lock every change of a milestone takes first); 404 when unknown. */
    public Milestone locked(String id) {
        Milestone m = Milestone.findById(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (m == null) throw ApiException.notFound("unknown milestone " + id);
        return m;
    }

    public View current(Milestone m) {
        return new View(m, m.state, MilestoneReadout.parse(m.report), m.evaluatedAt);
    }

    /** The milestone now when {@code asOf} is null, else as the board showed it then. */
    public View at(Milestone m, Instant asOf) {
        return asOf == null ? current(m) : asOf(m, asOf);
    }

    /** The milestone as the board showed it at {@code asOf}: the newest snapshot at or before that moment. */
    public View asOf(Milestone m, Instant asOf) {
        if (asOf.isBefore(m.createdAt)) {
            throw ApiException.notFound("milestone " + m.id + " did not exist at " + asOf + " (defined " + m.createdAt + ")");
        }
        return Rows.first(em, """
                select state, report, evaluated_at from evaluation where milestone_id = ? and evaluated_at <= ?
                order by evaluated_at desc, id desc limit 1""",
                r -> new View(m, r.text("state"), MilestoneReadout.parse(r.text("report")), r.instant("evaluated_at")), m.id, asOf)
                .orElse(new View(m, "planned", null, null));
    }

    /** milestone-status.json of a view, with progress and risk. */
    public ObjectNode status(View v) {
        ObjectNode n = MilestoneReadout.status(v.milestone(), v.report(), v.evaluatedAt());
        n.put("status", v.state());
        MilestoneProgress p = progress(v);
        ObjectNode progress = n.putObject("progress");
        progress.put("criteria_met", p.criteriaMet()).put("criteria_total", p.criteriaTotal());
        MilestoneReadout.putNumber(progress, "criteria_percent", p.criteriaPercent());
        progress.put("deliverables_completed", p.deliverablesCompleted()).put("deliverables_total", p.deliverablesTotal());
        MilestoneReadout.putNumber(progress, "deliverables_percent", p.deliverablesPercent());
        n.put("at_risk", p.atRisk());
        if (v.milestone().targetDate != null) n.put("target_date", v.milestone().targetDate.toString());
        holds(n, v.milestone());
        return n;
    }

    /** Now, not as of: a pause, a rejected promotion, the timer's retries and the sprints it found overdue (docs/API.md). */
    private static void holds(ObjectNode n, Milestone m) {
        hold(n, "paused", m.pause());
        hold(n, "promotion_rejected", m.promotionRejection());
        if (m.timerRetries > 0) n.putObject("retries").put("count", m.retryCount).put("max", m.timerRetries)
                .put("cooldown_seconds", m.retryCooldownSeconds);
        if (m.overdueSprints != null) n.set("overdue_sprints", MilestoneReadout.parse(m.overdueSprints));
    }

    private static void hold(ObjectNode n, String key, studio.governance.Hold h) {
        if (h == null) return;
        n.putObject(key).put("by", h.by()).put("roles", h.roles()).put("reason", h.reason()).put("at", h.at().toString());
    }

    public MilestoneProgress progress(View v) {
        Map<String, GateStatus> statuses = gateStatuses(v.report());
        boolean failing = statuses.values().stream().anyMatch(s -> s == GateStatus.FAILED);
        return MilestoneProgress.of(rulebook.rules(v.milestone()).definition(), statuses, criteriaMarkedMet(v.milestone().id),
                LocalDate.now(ZoneOffset.UTC), failing);
    }

    public static Map<String, GateStatus> gateStatuses(JsonNode report) {
        Map<String, GateStatus> statuses = new HashMap<>();
        if (report == null) return statuses;
        for (JsonNode g : report.path("gates")) {
            statuses.put(g.path("condition").asText(), Names.parse(GateStatus.class, g.path("status").asText()));
        }
        return statuses;
    }

    private Set<String> criteriaMarkedMet(String milestoneId) {
        return new HashSet<>(Rows.list(em, "select criterion from criterion_mark where milestone_id = ? and met",
                r -> r.text("criterion"), milestoneId));
    }

    public Optional<JsonNode> gate(View v, String condition) {
        if (v.report() == null) return Optional.empty();
        for (JsonNode g : v.report().path("gates")) {
            if (condition.equals(g.path("condition").asText())) return Optional.of(g);
        }
        return Optional.empty();
    }
}
