package studio.planning;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import studio.audit.AuditEntry;
import studio.audit.AuditEntry.Subject;
import studio.audit.AuditLog;
import studio.backlog.Feature;
import studio.governance.Actor;
import studio.governance.MilestoneStimulus;
import studio.ingest.EvidenceIntake;
import studio.input.InputProblem;
import studio.input.InvalidInputException;
import studio.milestone.MilestoneEvaluator;
import studio.milestone.MilestoneRulebook;
import studio.persistence.Rows;
import studio.web.ApiException;

/**
 * What a product owner changes in the plan from the backlog and sprint pages: defer a feature with a reason (the same
 * FeatureDeferred CI may send, stored as evidence under the person's name), or roll it forward from the open sprint
 * working on it to a later sprint that has not started. Both judge the milestones requiring the feature again.
 */
@ApplicationScoped
public class FeaturePlanning {

    static final int MAX_REASON = 2000;

    @Inject
    EntityManager em;
    @Inject
    EvidenceIntake intake;
    @Inject
    AuditLog audit;
    @Inject
    MilestoneRulebook rulebook;
    @Inject
    MilestoneEvaluator evaluator;
    @Inject
    ObjectMapper json;

    /** A milestone requiring the feature, and whether a deferral takes the feature out of its gates' scope there. */
    public record Requirer(String milestoneId, String state, boolean allowsDeferral) {}

    /** The feature as the defer and roll-forward forms show it. */
    public record Plan(String featureId, String title, boolean deferred, String deliveredBy, List<String> openSprints,
                       List<String> laterSprints, List<Requirer> requiredBy) {}

    /** @throws ApiException 404 for a feature Studio does not know */
    public Plan plan(String featureId) {
        Feature f = Feature.findById(featureId);
        if (f == null) throw ApiException.notFound("no feature " + featureId);
        String delivered = Rows.first(em, """
                select s.id from sprint_feature sf join sprint s on s.id = sf.sprint_id
                where sf.feature_id = ? and s.state = 'closed' order by s.closed_at, s.id limit 1""", r -> r.text("id"), featureId).orElse(null);
        List<String> open = Rows.list(em, """
                select s.id from sprint_feature sf join sprint s on s.id = sf.sprint_id
                where sf.feature_id = ? and s.state <> 'closed' order by s.id limit 50""", r -> r.text("id"), featureId);
        List<String> later = Rows.list(em, """
                select s.id from sprint s where s.state = 'planned' and s.started_at is null
                and not exists (select 1 from sprint_feature sf where sf.sprint_id = s.id and sf.feature_id = ?)
                order by s.created_at, s.id limit 200""", r -> r.text("id"), featureId);
        List<Requirer> requirers = Rows.list(em, """
                select m.id, m.state, m.definition from milestone_feature mf join milestone m on m.id = mf.milestone_id
                where mf.feature_id = ? order by m.id limit 50""", r -> new Requirer(r.text("id"), r.text("state"),
                rulebook.rules(r.text("definition")).definition().allowsDeferral()), featureId);
        return new Plan(featureId, f.title, f.deferredAt != null || "deferred".equals(f.plannedStatus), delivered, open, later, requirers);
    }

    /** Defers the feature with {@code reason}; refused (nothing stored) without a reason or once a closed sprint delivered it. */
    @Transactional
    public void defer(String featureId, String milestoneId, String reason, Actor actor) {
        String why = reason(reason);
        Plan plan = plan(featureId);
        if (plan.deliveredBy() != null) {
            throw ApiException.conflict(featureId + " was delivered by the closed sprint " + plan.deliveredBy() + "; a delivered feature is not deferred");
        }
        String from = milestoneId == null || milestoneId.isBlank() ? null : milestoneId;
        if (from != null && plan.requiredBy().stream().noneMatch(r -> r.milestoneId().equals(from))) {
            throw new InvalidInputException(new InputProblem("milestone " + from + " does not require " + featureId, null, null, "milestone"));
        }
        ObjectNode event = json.createObjectNode().put("event", "FeatureDeferred").put("featureId", featureId).put("reason", why)
                .put("timestamp", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
        if (from != null) event.put("milestoneId", from);
        intake.event(event.toString(), null, actor);
    }

    /**
     * Moves the feature from the open sprints working on it to {@code sprintId}, a sprint that has not started. A later
     * import of a sprint's definition sets that sprint's features as the document says.
     */
    @Transactional
    public void rollForward(String featureId, String sprintId, String reason, Actor actor) {
        String why = reason(reason);
        Feature.findById(featureId, LockModeType.PESSIMISTIC_WRITE);
        Plan plan = plan(featureId);
        if (plan.deliveredBy() != null) {
            throw ApiException.conflict(featureId + " was delivered by the closed sprint " + plan.deliveredBy() + "; there is nothing to roll forward");
        }
        if (sprintId == null || sprintId.isBlank()) {
            throw new InvalidInputException(new InputProblem("say which sprint the feature moves to", null, null, "sprint"));
        }
        String state = Rows.first(em, "select state from sprint where id = ? for update", r -> r.text("state"), sprintId)
                .orElseThrow(() -> new InvalidInputException(new InputProblem("no sprint " + sprintId, null, null, "sprint")));
        if (!plan.laterSprints().contains(sprintId)) {
            throw ApiException.conflict(plan.openSprints().contains(sprintId) ? "sprint " + sprintId + " already works on " + featureId
                    : "sprint " + sprintId + " is " + state + "; a feature rolls forward to a sprint that has not started");
        }
        Rows.update(em, "delete from sprint_feature where feature_id = ? and sprint_id = any(?)", featureId, plan.openSprints().toArray(String[]::new));
        Rows.update(em, "insert into sprint_feature (sprint_id, feature_id, source) values (?, ?, 'person')", sprintId, featureId);
        ObjectNode p = json.createObjectNode().put("feature_id", featureId).put("to_sprint", sprintId).put("reason", why);
        plan.openSprints().forEach(p.putArray("from_sprints")::add);
        List<String> milestones = plan.requiredBy().stream().map(Requirer::milestoneId).toList();
        audit.record(actor, AuditEntry.of("FeatureRolledForward", Subject.feature(featureId), null, p)
                .alsoAbout(milestones.stream().map(Subject::milestone).toList()));
        for (String m : milestones) evaluator.react(m, new MilestoneStimulus.EvidenceArrived("feature rolled forward"), actor, null);
    }

    private static String reason(String reason) {
        if (reason == null || reason.isBlank()) throw new InvalidInputException(new InputProblem("a reason is required", null, null, "reason"));
        if (reason.length() > MAX_REASON) {
            throw new InvalidInputException(new InputProblem("a reason has at most " + MAX_REASON + " characters", null, null, "reason"));
        }
        return reason.strip();
    }
}
