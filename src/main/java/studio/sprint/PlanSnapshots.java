package studio.sprint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import studio.governance.Actor;
import studio.persistence.Row;
import studio.persistence.Rows;
import studio.sprint.PlanDiff.Plan;

/**
 * A milestone's plan over time: snapshots taken after an import that changed it and at each PlanningResumed, so that
 * a resumption can say what changed since the plan before it.
 */
@ApplicationScoped
public class PlanSnapshots {

    static final int MAX_LISTED = 100;

    @Inject
    EntityManager em;
    @Inject
    ObjectMapper json;

    /**
     * One snapshot, with the one it is compared with ({@code previousId}): the milestone's previous resumption, else its
     * first recorded plan; null for the first snapshot. Imports in between are folded into the comparison.
     */
    public record Snapshot(long id, String milestoneId, String cause, Long evidenceId, String actor, String reason, Instant takenAt,
                           Plan plan, Long previousId) {
        public boolean resumption() {
            return "PlanningResumed".equals(cause);
        }
    }

    /** The milestone's plan now: its contributing sprints' features, and which of those or its required ones are deferred. */
    public Plan current(String milestoneId) {
        Map<String, Set<String>> sprints = new TreeMap<>();
        Rows.list(em, """
                select s.id, array(select sf.feature_id from sprint_feature sf where sf.sprint_id = s.id order by 1) as features
                from sprint s where s.id in (select sprint_id from sprint_milestone where milestone_id = ?
                    union select sf.sprint_id from sprint_feature sf join milestone_feature mf on mf.feature_id = sf.feature_id
                    where mf.milestone_id = ?) order by s.id""", r -> r, milestoneId, milestoneId)
                .forEach(r -> sprints.put(r.text("id"), new TreeSet<>(r.texts("features"))));
        Set<String> features = new TreeSet<>();
        sprints.values().forEach(features::addAll);
        Set<String> deferred = new TreeSet<>(Rows.list(em, """
                select f.id from feature f where (f.deferred_at is not null or f.planned_status = 'deferred')
                and (f.id = any(?) or f.id in (select feature_id from milestone_feature where milestone_id = ?))""",
                r -> r.text("id"), features.toArray(String[]::new), milestoneId));
        return new Plan(sprints, deferred);
    }

    /** Snapshots the plan after an import, when it differs from the last one taken. */
    public void afterImport(String milestoneId, Actor actor) {
        Plan now = current(milestoneId);
        Optional<Snapshot> last = last(milestoneId);
        if (last.isPresent() && last.get().plan().equals(now)) return;
        insert(milestoneId, "import", null, actor, null, now);
    }

    /** Snapshots the plan at a PlanningResumed (always: the resumption's documents are read from it). */
    public long resumed(String milestoneId, long evidenceId, Actor actor, String reason) {
        return insert(milestoneId, "PlanningResumed", evidenceId, actor, reason, current(milestoneId));
    }

    public Optional<Snapshot> find(long id) {
        return Rows.first(em, SELECT + " where s.id = ?", this::snapshot, id);
    }

    /** The resumptions, newest first, of one milestone or of all. */
    public List<Snapshot> resumptions(String milestoneId) {
        return Rows.list(em, SELECT + " where s.cause = 'PlanningResumed' and (cast(? as text) is null or s.milestone_id = ?) order by s.id desc limit ?",
                this::snapshot, milestoneId, milestoneId, MAX_LISTED);
    }

    private Optional<Snapshot> last(String milestoneId) {
        return Rows.first(em, SELECT + " where s.milestone_id = ? order by s.id desc limit 1", this::snapshot, milestoneId);
    }

    private static final String SELECT = """
            select s.id, s.milestone_id, s.cause, s.evidence_id, s.actor, s.reason, s.taken_at, s.plan,
                   coalesce((select max(p.id) from plan_snapshot p where p.milestone_id = s.milestone_id and p.id < s.id
                                 and p.cause = 'PlanningResumed'),
                            (select min(p.id) from plan_snapshot p where p.milestone_id = s.milestone_id and p.id < s.id)) as previous_id
            from plan_snapshot s""";

    private long insert(String milestoneId, String cause, Long evidenceId, Actor actor, String reason, Plan plan) {
        ObjectNode body = json.createObjectNode();
        ObjectNode sprints = body.putObject("sprints");
        plan.sprints().forEach((s, f) -> f.stream().sorted().forEach(sprints.withArray(s)::add));
        plan.deferredFeatures().stream().sorted().forEach(body.putArray("deferred")::add);
        return Rows.first(em, """
                insert into plan_snapshot (milestone_id, cause, evidence_id, actor, reason, taken_at, plan) values (?, ?, ?, ?, ?, ?, ?)
                returning id""", r -> r.number("id"), milestoneId, cause, evidenceId, actor.name(), reason, Instant.now(), body.toString())
                .orElseThrow();
    }

    private Snapshot snapshot(Row r) {
        return new Snapshot(r.number("id"), r.text("milestone_id"), r.text("cause"), r.number("evidence_id"), r.text("actor"),
                r.text("reason"), r.instant("taken_at"), plan(r.text("plan")), r.number("previous_id"));
    }

    private Plan plan(String text) {
        try {
            JsonNode n = json.readTree(text);
            Map<String, Set<String>> sprints = new HashMap<>();
            n.path("sprints").fields().forEachRemaining(e -> {
                List<String> features = new ArrayList<>();
                e.getValue().forEach(f -> features.add(f.asText()));
                sprints.put(e.getKey(), Set.copyOf(features));
            });
            Set<String> deferred = new TreeSet<>();
            n.path("deferred").forEach(f -> deferred.add(f.asText()));
            return new Plan(sprints, deferred);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("plan snapshot is not JSON: " + e.getMessage(), e);
        }
    }
}
