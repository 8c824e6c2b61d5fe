package studio.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;

/** Appends evidence and the facts derived from it. Nothing here ever updates or deletes a row. */
@ApplicationScoped
public class EvidenceStore {

    /** Where a piece of evidence came from and what it is about. */
    public record Envelope(String kind, String eventType, String sprintId, String milestoneId, String featureId,
                           Instant occurredAt, Instant receivedAt, String traceId, String idempotencyKey, String actor,
                           String contentType, String body) {}

    @Inject
    EntityManager em;

    public long append(Envelope e) {
        return ((Number) em.createNativeQuery("""
                insert into evidence (kind, event_type, sprint_id, milestone_id, feature_id, occurred_at, received_at, trace_id,
                                      idempotency_key, actor, content_type, body)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) returning id""")
                .setParameter(1, e.kind()).setParameter(2, e.eventType()).setParameter(3, e.sprintId())
                .setParameter(4, e.milestoneId()).setParameter(5, e.featureId()).setParameter(6, e.occurredAt())
                .setParameter(7, e.receivedAt()).setParameter(8, e.traceId()).setParameter(9, e.idempotencyKey())
                .setParameter(10, e.actor()).setParameter(11, e.contentType()).setParameter(12, e.body())
                .getSingleResult()).longValue();
    }

    public void coverage(long evidenceId, String feature, String sprintId, String source, double percent, int tests, Instant at) {
        em.createNativeQuery("""
                insert into coverage_fact (evidence_id, feature_id, sprint_id, source, percent, tests, occurred_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7)""")
                .setParameter(1, evidenceId).setParameter(2, feature).setParameter(3, sprintId).setParameter(4, source)
                .setParameter(5, percent).setParameter(6, tests).setParameter(7, at).executeUpdate();
    }

    public void trace(long evidenceId, String sprintId, String feature, int tests, int artifacts, Instant at) {
        em.createNativeQuery("""
                insert into trace_fact (evidence_id, sprint_id, feature_id, tests, artifacts, occurred_at)
                values (?1, ?2, ?3, ?4, ?5, ?6)""")
                .setParameter(1, evidenceId).setParameter(2, sprintId).setParameter(3, feature).setParameter(4, tests)
                .setParameter(5, artifacts).setParameter(6, at).executeUpdate();
    }

    public void testResults(long evidenceId, String sprintId, int passed, int failed, Instant at) {
        em.createNativeQuery("""
                insert into test_result_fact (evidence_id, sprint_id, passed, failed, occurred_at) values (?1, ?2, ?3, ?4, ?5)""")
                .setParameter(1, evidenceId).setParameter(2, sprintId).setParameter(3, passed).setParameter(4, failed)
                .setParameter(5, at).executeUpdate();
    }

    public void signal(long evidenceId, String milestoneId, String gate, String status, Double value, String detail, Instant at) {
        em.createNativeQuery("""
                insert into gate_signal (evidence_id, milestone_id, gate, status, value, detail, occurred_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7)""")
                .setParameter(1, evidenceId).setParameter(2, milestoneId).setParameter(3, gate).setParameter(4, status)
                .setParameter(5, value).setParameter(6, detail).setParameter(7, at).executeUpdate();
    }
}
