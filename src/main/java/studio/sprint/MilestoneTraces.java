package studio.sprint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import studio.evidence.TraceFeature;
import studio.evidence.TraceMatrix;
import studio.evidence.TraceMatrixParser;
import studio.input.InvalidInputException;
import studio.milestone.Milestone;
import studio.milestone.MilestoneReadout;
import studio.milestone.MilestoneRulebook;
import studio.persistence.Row;
import studio.persistence.Rows;
import studio.sprint.MilestoneTrace.SprintFacts;

/**
 * Reads the trace explorer of one milestone in a fixed number of statements: the contributing sprints (at most
 * {@link #MAX_SPRINTS}), the newest trace entry per sprint and feature, the bodies of those matrices, and the
 * sprints' coverage.
 */
@ApplicationScoped
public class MilestoneTraces {

    private static final Logger LOG = Logger.getLogger(MilestoneTraces.class);
    static final int MAX_SPRINTS = 100;

    @Inject
    EntityManager em;
    @Inject
    MilestoneRulebook rulebook;
    @Inject
    SprintQuery sprints;

    /** The milestone's trace tree, or empty when there is no such milestone. */
    public Optional<MilestoneTrace> trace(String milestoneId) {
        Milestone m = Milestone.findById(milestoneId);
        if (m == null) return Optional.empty();
        List<String> required = rulebook.rules(m).requiredFeatures();
        List<SprintFacts> contributing = contributing(milestoneId);
        String[] ids = contributing.stream().map(SprintFacts::id).toArray(String[]::new);
        CoverageLedger ledger = sprints.coverage(ids);
        Map<String, Map<String, FeatureMeasure>> measures = new HashMap<>();
        for (String id : ids) measures.put(id, ledger.of(id));
        return Optional.of(MilestoneTrace.assemble(m.id, m.name, m.state, required, coverage(m), deliveredBy(required),
                contributing, (int) Math.max(0, contributingCount(milestoneId) - contributing.size()), entries(ids), measures));
    }

    private List<SprintFacts> contributing(String milestoneId) {
        return Rows.list(em, """
                select s.id, s.name, s.state,
                       exists (select 1 from sprint_milestone sm where sm.sprint_id = s.id and sm.milestone_id = ?) as linked,
                       array(select sf.feature_id from sprint_feature sf where sf.sprint_id = s.id order by 1) as features
                from sprint s where s.id in (""" + SprintQuery.CONTRIBUTING + ") order by s.created_at, s.id limit ?",
                r -> new SprintFacts(r.text("id"), r.text("name"), r.text("state"), r.flag("linked"), r.texts("features")),
                milestoneId, milestoneId, milestoneId, MAX_SPRINTS);
    }

    private long contributingCount(String milestoneId) {
        return Rows.first(em, "select count(*) as sprints from (" + SprintQuery.CONTRIBUTING + ") c", r -> r.number("sprints"),
                milestoneId, milestoneId).orElseThrow();
    }

    /** Per required feature as the gates last measured it (the stored report's feature_coverage). */
    private static Map<String, Double> coverage(Milestone m) {
        Map<String, Double> out = new HashMap<>();
        ObjectNode report = MilestoneReadout.parse(m.report);
        if (report == null) return out;
        report.path("feature_coverage").fields().forEachRemaining(e -> {
            JsonNode v = e.getValue();
            if (v.isNumber()) out.put(e.getKey(), v.doubleValue());
        });
        return out;
    }

    private Map<String, List<String>> deliveredBy(List<String> required) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (required.isEmpty()) return out;
        for (Row r : Rows.list(em, """
                select sf.feature_id, s.id as sprint_id from sprint_feature sf join sprint s on s.id = sf.sprint_id
                where sf.feature_id = any(?) and s.state = 'closed' order by sf.feature_id, s.id limit 1000""",
                r -> r, (Object) required.toArray(String[]::new))) {
            out.computeIfAbsent(r.text("feature_id"), k -> new ArrayList<>()).add(r.text("sprint_id"));
        }
        return out;
    }

    /** Per sprint, per feature: the entry of its newest trace matrix naming the feature. */
    private Map<String, Map<String, TraceSubmission>> entries(String[] sprintIds) {
        Map<String, Map<String, TraceSubmission>> out = new HashMap<>();
        if (sprintIds.length == 0) return out;
        List<Row> newest = Rows.list(em, """
                select distinct on (sprint_id, feature_id) sprint_id, feature_id, evidence_id from trace_fact
                where sprint_id = any(?) order by sprint_id, feature_id, occurred_at desc, evidence_id desc""",
                r -> r, (Object) sprintIds);
        Map<Long, SubmittedMatrix> matrices = matrices(newest.stream().map(r -> r.number("evidence_id")).distinct().toArray(Long[]::new));
        for (Row r : newest) {
            SubmittedMatrix m = matrices.get(r.number("evidence_id"));
            TraceFeature entry = m == null ? null : entry(m.matrix(), r.text("feature_id"));
            if (entry != null) {
                out.computeIfAbsent(r.text("sprint_id"), k -> new HashMap<>()).put(entry.id(), new TraceSubmission(m.evidenceId(), m.receivedAt(), entry));
            }
        }
        return out;
    }

    private Map<Long, SubmittedMatrix> matrices(Long[] evidenceIds) {
        Map<Long, SubmittedMatrix> out = new HashMap<>();
        if (evidenceIds.length == 0) return out;
        for (Row r : Rows.list(em, "select id, received_at, sprint_id, body from evidence where id = any(?)", r -> r, (Object) evidenceIds)) {
            long id = r.number("id");
            try {
                out.put(id, new SubmittedMatrix(id, r.instant("received_at"), TraceMatrixParser.parse(r.text("body"), r.text("sprint_id"))));
            } catch (InvalidInputException e) {
                LOG.warnf("trace matrix evidence %d no longer parses: %s", id, e.getMessage());
            }
        }
        return out;
    }

    private static TraceFeature entry(TraceMatrix matrix, String feature) {
        return matrix.features().stream().filter(f -> feature.equals(f.id())).findFirst().orElse(null);
    }
}
