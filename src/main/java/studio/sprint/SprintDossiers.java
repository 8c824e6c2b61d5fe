package studio.sprint;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import studio.definition.DefinitionParser;
import studio.definition.SprintDefinition;
import studio.evidence.ExecutionMetadataParser;
import studio.evidence.ExecutionRecord;
import studio.evidence.TraceMatrixParser;
import studio.input.Format;
import studio.input.InvalidInputException;
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

    /** The sprint's page, or empty when Studio knows no such sprint. */
    public Optional<SprintDossier> dossier(String id) {
        Sprint row = em.find(Sprint.class, id);
        if (row == null) return Optional.empty();
        CoverageLedger ledger = sprints.coverage(new String[] {id});
        SprintSummary summary = sprints.summary(id, ledger);
        return Optional.of(new SprintDossier(summary, definition(row), Arrays.asList(row.labels), events(id),
                features(id, ledger), testRuns(id), traces(id), milestones(id), executions(id), documents(id)));
    }

    /** A document of the sprint with its body as received, or empty when the sprint has no such evidence. */
    public Optional<Received> document(String sprintId, long evidenceId) {
        List<Object[]> rows = Rows.of(em, DOCUMENT_COLUMNS + ", body from evidence where id = ? and sprint_id = ?", List.of(evidenceId, sprintId));
        return rows.stream().findFirst().map(r -> new Received(document(r), (String) r[9]));
    }

    /** A document and its body. */
    public record Received(EvidenceDocument document, String body) {}

    private static SprintDefinition definition(Sprint row) {
        if (row.definition == null) return null;
        List<SprintDefinition> parsed = DefinitionParser.parse(row.definition, Format.YAML).sprints();
        return parsed.isEmpty() ? null : parsed.get(0);
    }

    private List<SprintEventRow> events(String id) {
        return Rows.of(em, """
                select e.event_type, e.occurred_at, e.reason, v.received_at, v.actor, e.evidence_id
                from sprint_event e join evidence v on v.id = e.evidence_id where e.sprint_id = ?
                order by e.occurred_at, e.evidence_id limit ?""", List.of(id, MAX_ROWS)).stream()
                .map(r -> new SprintEventRow((String) r[0], (Instant) r[1], (String) r[2], (Instant) r[3], (String) r[4],
                        ((Number) r[5]).longValue())).toList();
    }

    private List<DeliveredFeature> features(String id, CoverageLedger ledger) {
        List<DeliveredFeature> out = new ArrayList<>();
        for (Object[] r : Rows.of(em, """
                select sf.feature_id, f.title, sf.source, t.tests, t.artifacts from sprint_feature sf
                left join feature f on f.id = sf.feature_id
                left join lateral (select tf.tests, tf.artifacts from trace_fact tf where tf.sprint_id = sf.sprint_id
                    and tf.feature_id = sf.feature_id order by tf.occurred_at desc, tf.evidence_id desc limit 1) t on true
                where sf.sprint_id = ? order by sf.feature_id limit ?""", List.of(id, MAX_ROWS))) {
            String feature = (String) r[0];
            out.add(new DeliveredFeature(feature, (String) r[1], (String) r[2], ledger.measure(id, feature),
                    Rows.integer(r[3]), Rows.integer(r[4])));
        }
        return out;
    }

    private List<TestRun> testRuns(String id) {
        return Rows.of(em, """
                select passed, failed, occurred_at, evidence_id from test_result_fact where sprint_id = ?
                order by occurred_at desc, evidence_id desc limit ?""", List.of(id, 20)).stream()
                .map(r -> new TestRun(((Number) r[0]).intValue(), ((Number) r[1]).intValue(), (Instant) r[2],
                        ((Number) r[3]).longValue())).toList();
    }

    /** The newest few submissions per feature: which rows they are comes from trace_fact, the entries from the bodies. */
    private List<FeatureTrace> traces(String id) {
        List<Object[]> picked = Rows.of(em, """
                select distinct evidence_id, occurred_at from (
                    select evidence_id, occurred_at, row_number() over (partition by feature_id order by occurred_at desc, evidence_id desc) as n
                    from trace_fact where sprint_id = ?) t where n <= ?
                order by occurred_at desc, evidence_id desc""", List.of(id, OLDER_SUBMISSIONS + 1));
        if (picked.isEmpty()) return List.of();
        Long[] ids = picked.stream().map(r -> ((Number) r[0]).longValue()).toArray(Long[]::new);
        Map<Long, Object[]> bodies = new java.util.HashMap<>();
        Rows.of(em, "select id, received_at, body from evidence where id = any(?)", List.of((Object) ids))
                .forEach(r -> bodies.put(((Number) r[0]).longValue(), r));
        List<SubmittedMatrix> matrices = new ArrayList<>();
        for (Long evidenceId : ids) matrix(id, bodies.get(evidenceId)).ifPresent(matrices::add);
        return FeatureTrace.fold(matrices, OLDER_SUBMISSIONS);
    }

    /** Stored bodies were valid when received; one the parser now refuses is logged and left out, not fatal. */
    private static Optional<SubmittedMatrix> matrix(String sprintId, Object[] row) {
        if (row == null) return Optional.empty();
        long evidenceId = ((Number) row[0]).longValue();
        try {
            return Optional.of(new SubmittedMatrix(evidenceId, (Instant) row[1], TraceMatrixParser.parse((String) row[2], sprintId)));
        } catch (InvalidInputException e) {
            LOG.warnf("trace matrix evidence %d of sprint %s no longer parses: %s", evidenceId, sprintId, e.getMessage());
            return Optional.empty();
        }
    }

    private List<LinkedMilestone> milestones(String id) {
        return Rows.of(em, """
                select m.id, m.name, m.state, exists (select 1 from sprint_milestone sm where sm.sprint_id = ? and sm.milestone_id = m.id)
                from milestone m where m.id in (select sm.milestone_id from sprint_milestone sm where sm.sprint_id = ?
                    union select mf.milestone_id from milestone_feature mf join sprint_feature sf on sf.feature_id = mf.feature_id
                    where sf.sprint_id = ?)
                order by m.id limit ?""", List.of(id, id, id, MAX_ROWS)).stream()
                .map(r -> new LinkedMilestone((String) r[0], (String) r[1], (String) r[2], (Boolean) r[3])).toList();
    }

    /** Execution metadata filed under this sprint; records in it about other sprints are left to those sprints. */
    private List<ExecutionRun> executions(String id) {
        List<ExecutionRun> runs = new ArrayList<>();
        for (Object[] r : Rows.of(em, """
                select id, received_at, body from evidence where sprint_id = ? and kind = 'execution'
                order by occurred_at desc, id desc limit ?""", List.of(id, 50))) {
            long evidenceId = ((Number) r[0]).longValue();
            for (ExecutionRecord record : executionRecords(evidenceId, (String) r[2])) {
                if (id.equals(record.sprintId())) runs.add(new ExecutionRun(evidenceId, (Instant) r[1], record));
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
            "select id, kind, event_type, content_type, occurred_at, received_at, actor, trace_id, length(body)";

    private List<EvidenceDocument> documents(String id) {
        return Rows.of(em, DOCUMENT_COLUMNS + " from evidence where sprint_id = ? order by occurred_at desc, id desc limit ?",
                List.of(id, MAX_ROWS)).stream().map(SprintDossiers::document).toList();
    }

    private static EvidenceDocument document(Object[] r) {
        return new EvidenceDocument(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3], (Instant) r[4],
                (Instant) r[5], (String) r[6], (String) r[7], ((Number) r[8]).longValue());
    }
}
