package studio.sprint;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import studio.definition.DefinitionParser;
import studio.evidence.ReadinessStep;
import studio.definition.SprintDefinition;
import studio.evidence.ExecutionMetadataParser;
import studio.evidence.ExecutionRecord;
import studio.evidence.TraceMatrixParser;
import studio.input.Format;
import studio.input.InvalidInputException;
import studio.persistence.Row;
import studio.persistence.Rows;

/**
 * Reads one sprint's page: a fixed handful of bounded statements (events, features, tests, trace matrices,
 * milestones, executions, documents), whatever the sprint's history.
 */
@ApplicationScoped
public class SprintDossiers {

    private static final Logger LOG = Logger.getLogger(SprintDossiers.class);
    /** Older trace submissions shown per feature; the documents list keeps the rest. */
    static final int OLDER_SUBMISSIONS = 5;
    static final int MAX_ROWS = 200;

    @Inject
    EntityManager em;
    @Inject
    SprintQuery sprints;
    @Inject
    SprintTracker tracker;

    /** The sprint's page, or empty when Studio knows no such sprint. */
    public Optional<SprintDossier> dossier(String id) {
        Sprint row = Sprint.findById(id);
        if (row == null) return Optional.empty();
        CoverageLedger ledger = sprints.coverage(new String[] {id});
        SprintSummary summary = sprints.summary(id, ledger);
        return Optional.of(new SprintDossier(summary, definition(row), Arrays.asList(row.labels), events(id),
                features(id, ledger), testRuns(id), traces(id), milestones(id), executions(id), documents(id),
                tracker.gates(row), row.closureHeld, readiness(id)));
    }

    /** A document of the sprint with its body as received, or empty when the sprint has no such evidence. */
    public Optional<Received> document(String sprintId, long evidenceId) {
        return Rows.first(em, DOCUMENT_COLUMNS + ", body from evidence where id = ? and sprint_id = ?",
                r -> new Received(document(r), r.text("body")), evidenceId, sprintId);
    }

    /** A document and its body. */
    public record Received(EvidenceDocument document, String body) {}

    /** The sprint's sprints.yaml entry, null for a sprint known only from events. */
    static SprintDefinition definition(Sprint row) {
        return row.definition == null ? null : definition(row.definition).orElse(null);
    }

    /** Parsed stored definitions by their exact text: evidence refreshes a sprint often, its definition rarely changes. */
    private static final Map<String, java.util.Optional<SprintDefinition>> PARSED = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int PARSED_LIMIT = 4096;

    /** A stored sprint definition (canonical YAML of one sprint), parsed once per text. */
    static java.util.Optional<SprintDefinition> definition(String text) {
        java.util.Optional<SprintDefinition> cached = PARSED.get(text);
        if (cached != null) return cached;
        if (PARSED.size() > PARSED_LIMIT) PARSED.clear();
        List<SprintDefinition> parsed = DefinitionParser.parse(text, Format.YAML).sprints();
        java.util.Optional<SprintDefinition> one = parsed.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(parsed.get(0));
        PARSED.put(text, one);
        return one;
    }

    private List<SprintDossier.ReadinessRow> readiness(String id) {
        Map<String, Row> reported = new java.util.HashMap<>();
        Rows.list(em, "select step, occurred_at, evidence_id from sprint_readiness where sprint_id = ?", r -> r, id)
                .forEach(r -> reported.put(r.text("step"), r));
        return Arrays.stream(ReadinessStep.values()).map(step -> {
            Row r = reported.get(step.key());
            return new SprintDossier.ReadinessRow(step.label(), step.eventName(), r == null ? null : r.instant("occurred_at"),
                    r == null ? null : r.number("evidence_id"));
        }).toList();
    }

    private List<SprintEventRow> events(String id) {
        return Rows.list(em, """
                select e.event_type, e.occurred_at, e.reason, v.received_at, v.actor, e.evidence_id
                from sprint_event e join evidence v on v.id = e.evidence_id where e.sprint_id = ?
                order by e.occurred_at, e.evidence_id limit ?""",
                r -> new SprintEventRow(r.text("event_type"), r.instant("occurred_at"), r.text("reason"), r.instant("received_at"),
                        r.text("actor"), r.number("evidence_id")), id, MAX_ROWS);
    }

    private List<DeliveredFeature> features(String id, CoverageLedger ledger) {
        return Rows.list(em, """
                select sf.feature_id, f.title, sf.source, t.tests, t.artifacts from sprint_feature sf
                left join feature f on f.id = sf.feature_id
                left join lateral (select tf.tests, tf.artifacts from trace_fact tf where tf.sprint_id = sf.sprint_id
                    and tf.feature_id = sf.feature_id order by tf.occurred_at desc, tf.evidence_id desc limit 1) t on true
                where sf.sprint_id = ? order by sf.feature_id limit ?""",
                r -> new DeliveredFeature(r.text("feature_id"), r.text("title"), r.text("source"),
                        ledger.measure(id, r.text("feature_id")), r.integer("tests"), r.integer("artifacts")), id, MAX_ROWS);
    }

    private List<TestRun> testRuns(String id) {
        return Rows.list(em, """
                select passed, failed, occurred_at, evidence_id from test_result_fact where sprint_id = ?
                order by occurred_at desc, evidence_id desc limit ?""",
                r -> new TestRun(r.integer("passed"), r.integer("failed"), r.instant("occurred_at"), r.number("evidence_id")), id, 20);
    }

    /** The newest few submissions per feature: which rows they are comes from trace_fact, the entries from the bodies. */
    private List<FeatureTrace> traces(String id) {
        Long[] ids = Rows.list(em, """
                select distinct evidence_id, occurred_at from (
                    select evidence_id, occurred_at, row_number() over (partition by feature_id order by occurred_at desc, evidence_id desc) as n
                    from trace_fact where sprint_id = ?) t where n <= ?
                order by occurred_at desc, evidence_id desc""", r -> r.number("evidence_id"), id, OLDER_SUBMISSIONS + 1)
                .toArray(Long[]::new);
        if (ids.length == 0) return List.of();
        Map<Long, Row> bodies = new java.util.HashMap<>();
        Rows.list(em, "select id, received_at, body from evidence where id = any(?)", r -> r, (Object) ids)
                .forEach(r -> bodies.put(r.number("id"), r));
        List<SubmittedMatrix> matrices = new ArrayList<>();
        for (Long evidenceId : ids) matrix(id, bodies.get(evidenceId)).ifPresent(matrices::add);
        return FeatureTrace.fold(matrices, OLDER_SUBMISSIONS);
    }

    /** Stored bodies were valid when received; one the parser now refuses is logged and left out, not fatal. */
    private static Optional<SubmittedMatrix> matrix(String sprintId, Row row) {
        if (row == null) return Optional.empty();
        long evidenceId = row.number("id");
        try {
            return Optional.of(new SubmittedMatrix(evidenceId, row.instant("received_at"), TraceMatrixParser.parse(row.text("body"), sprintId)));
        } catch (InvalidInputException e) {
            LOG.warnf("trace matrix evidence %d of sprint %s no longer parses: %s", evidenceId, sprintId, e.getMessage());
            return Optional.empty();
        }
    }

    private List<LinkedMilestone> milestones(String id) {
        return Rows.list(em, """
                select m.id, m.name, m.state, exists (select 1 from sprint_milestone sm where sm.sprint_id = ? and sm.milestone_id = m.id) as linked
                from milestone m where m.id in (select sm.milestone_id from sprint_milestone sm where sm.sprint_id = ?
                    union select mf.milestone_id from milestone_feature mf join sprint_feature sf on sf.feature_id = mf.feature_id
                    where sf.sprint_id = ?)
                order by m.id limit ?""",
                r -> new LinkedMilestone(r.text("id"), r.text("name"), r.text("state"), r.flag("linked")), id, id, id, MAX_ROWS);
    }

    /** Execution metadata filed under this sprint; records in it about other sprints are left to those sprints. */
    private List<ExecutionRun> executions(String id) {
        List<ExecutionRun> runs = new ArrayList<>();
        for (Row r : Rows.list(em, """
                select id, received_at, body from evidence where sprint_id = ? and kind = 'execution'
                order by occurred_at desc, id desc limit ?""", r -> r, id, 50)) {
            long evidenceId = r.number("id");
            for (ExecutionRecord record : executionRecords(evidenceId, r.text("body"))) {
                if (id.equals(record.sprintId())) runs.add(new ExecutionRun(evidenceId, r.instant("received_at"), record));
            }
        }
        return runs;
    }

    private static List<ExecutionRecord> executionRecords(long evidenceId, String body) {
        try {
            return ExecutionMetadataParser.parse(body);
        } catch (InvalidInputException e) {
            LOG.warnf("execution evidence %d no longer parses: %s", evidenceId, e.getMessage());
            return List.of();
        }
    }

    private static final String DOCUMENT_COLUMNS =
            "select id, kind, event_type, content_type, occurred_at, received_at, actor, trace_id, length(body) as size";

    private List<EvidenceDocument> documents(String id) {
        return Rows.list(em, DOCUMENT_COLUMNS + " from evidence where sprint_id = ? order by occurred_at desc, id desc limit ?",
                SprintDossiers::document, id, MAX_ROWS);
    }

    private static EvidenceDocument document(Row r) {
        return new EvidenceDocument(r.number("id"), r.text("kind"), r.text("event_type"), r.text("content_type"),
                r.instant("occurred_at"), r.instant("received_at"), r.text("actor"), r.text("trace_id"), r.number("size"));
    }
}
