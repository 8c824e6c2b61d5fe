package studio.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import studio.persistence.Rows;

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
        return Rows.first(em, """
                insert into evidence (kind, event_type, sprint_id, milestone_id, feature_id, occurred_at, received_at, trace_id,
                                      idempotency_key, actor, content_type, body)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""", r -> r.number("id"),
                e.kind(), e.eventType(), e.sprintId(), e.milestoneId(), e.featureId(), e.occurredAt(), e.receivedAt(), e.traceId(),
                e.idempotencyKey(), e.actor(), e.contentType(), e.body()).orElseThrow();
    }

    public void coverage(long evidenceId, String feature, String sprintId, String source, double percent, int tests, Instant at) {
        Rows.update(em, """
                insert into coverage_fact (evidence_id, feature_id, sprint_id, source, percent, tests, occurred_at)
                values (?, ?, ?, ?, ?, ?, ?)""", evidenceId, feature, sprintId, source, percent, tests, at);
    }

    public void trace(long evidenceId, String sprintId, String feature, int tests, int artifacts, Instant at) {
        Rows.update(em, """
                insert into trace_fact (evidence_id, sprint_id, feature_id, tests, artifacts, occurred_at)
                values (?, ?, ?, ?, ?, ?)""", evidenceId, sprintId, feature, tests, artifacts, at);
    }

    public void testResults(long evidenceId, String sprintId, int passed, int failed, Instant at) {
        Rows.update(em, """
                insert into test_result_fact (evidence_id, sprint_id, passed, failed, occurred_at) values (?, ?, ?, ?, ?)""",
                evidenceId, sprintId, passed, failed, at);
    }

    public void signal(long evidenceId, String milestoneId, String gate, String status, Double value, String detail, Instant at) {
        Rows.update(em, """
                insert into gate_signal (evidence_id, milestone_id, gate, status, value, detail, occurred_at)
                values (?, ?, ?, ?, ?, ?, ?)""", evidenceId, milestoneId, gate, status, value, detail, at);
    }
}
