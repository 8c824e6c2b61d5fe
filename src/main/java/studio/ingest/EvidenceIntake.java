package studio.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.WebApplicationException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import studio.audit.AuditEntry;
import studio.audit.AuditEntry.Subject;
import studio.audit.AuditLog;
import studio.evidence.EventParser;
import studio.evidence.EvidenceBatch;
import studio.evidence.ExecutionMetadataParser;
import studio.evidence.ExecutionRecord;
import studio.evidence.FeatureCoverage;
import studio.evidence.IngestEvent;
import studio.evidence.QaReport;
import studio.evidence.QaReportParser;
import studio.evidence.TraceFeature;
import studio.evidence.TraceMatrix;
import studio.evidence.TraceMatrixParser;
import studio.governance.Actor;
import studio.governance.MilestoneStimulus;
import studio.ingest.EvidenceStore.Envelope;
import studio.ingest.Idempotency.Answer;
import studio.input.InputProblem;
import studio.input.InvalidInputException;
import studio.milestone.MilestoneTriggers;
import studio.milestone.MilestoneRulebook;
import studio.milestone.MilestoneViews;
import studio.definition.TracePattern;
import studio.definition.Traceability;
import studio.milestone.MilestoneEvaluator;
import studio.sprint.Sprint;
import studio.sprint.SprintTracker;
import studio.telemetry.Spans;
import studio.web.ApiException;

/**
 * Takes in CI evidence: each input is parsed (400 with line and path when malformed, nothing stored), made
 * idempotent, appended as evidence with the facts derived from it, recorded in the audit trail, and the milestones
 * it touches (only those) are re-judged, all in one transaction.
 */
@ApplicationScoped
public class EvidenceIntake {

    @Inject
    Idempotency idempotency;
    @Inject
    EvidenceStore store;
    @Inject
    SprintTracker sprints;
    @Inject
    EventEffects effects;
    @Inject
    MilestoneTriggers triggers;
    @Inject
    MilestoneRulebook rulebook;
    @Inject
    MilestoneViews views;
    @Inject
    MilestoneEvaluator evaluator;
    @Inject
    AuditLog audit;
    @Inject
    ObjectMapper json;
    @Inject
    TransactionSynchronizationRegistry registry;
    @Inject
    Spans spans;

    /** On the EvidenceIngest span: what came in (event, trace-matrix, qa-report, executions, batch) and whether it was a retry. */
    static final AttributeKey<String> KIND = AttributeKey.stringKey("evidence_kind");
    static final AttributeKey<String> EVENT_TYPE = AttributeKey.stringKey("event_type");
    static final AttributeKey<Boolean> REPLAYED = AttributeKey.booleanKey("replayed");

    /** The transaction resource holding a batch's deferred judging: milestone id to its newest trace id ("" none). */
    private static final String JUDGE_LATER = EvidenceIntake.class.getName() + ".judgeLater";

    /**
     * What a piece of evidence did: the stored row and the milestones it touched, each with its state after being
     * judged (null while a batch defers judging to its end).
     */
    public record Effect(long evidenceId, Map<String, String> judged) {

        /** The milestones touched, in id order. */
        public List<String> milestones() {
            return List.copyOf(judged.keySet());
        }
    }

    /** The answer sent back; {@code replayed} when an idempotent retry got the first answer again. */
    public record Receipt(Answer answer, boolean replayed) {}

    /**
     * An input parsed and checked (a malformed one was refused with its line and path before this exists), to be taken
     * inside a transaction the caller provides: its own, a batch's, or a group of concurrent calls' ({@link GroupCommit}).
     */
    @FunctionalInterface
    public interface Parsed<T> {
        T take();

        /** The idempotency keys taking it claims, so a batch or a group can claim them all in one statement first. */
        default List<Idempotency.Key> claims() {
            return List.of();
        }

        /** An input that claims {@code claims} when {@code take} takes it. */
        static <T> Parsed<T> claiming(List<Idempotency.Key> claims, java.util.function.Supplier<T> take) {
            return new Parsed<>() {
                @Override
                public T take() {
                    return take.get();
                }

                @Override
                public List<Idempotency.Key> claims() {
                    return claims;
                }
            };
        }
    }

    /** POST /api/events */
    @Transactional
    public Receipt event(String body, String idempotencyKey, Actor actor) {
        return parseEvent(body, idempotencyKey, actor).take();
    }

    public Parsed<Receipt> parseEvent(String body, String idempotencyKey, Actor actor) {
        IngestEvent event = EventParser.parse(body);
        String key = idempotencyKey != null ? idempotencyKey : event.meta().eventId();
        String fingerprint = Idempotency.fingerprint(body); // here, not inside the transaction
        return input(Attributes.of(KIND, "event", EVENT_TYPE, event.type()), event.meta().traceId(), "event", key, fingerprint, now -> {
            Effect effect = effects.apply(event, body, key, actor, now);
            triggers.received(event.type(), effect.milestones(), effect.evidenceId(), actor, event.meta().traceId());
            ObjectNode answer = answer(effect).put("event", event.type());
            return new Answer(201, answer.toString());
        });
    }

    /** POST /api/sprints/{id}/trace-matrix */
    @Transactional
    public Receipt traceMatrix(String sprintId, String body, String idempotencyKey, Actor actor) {
        return parseTraceMatrix(sprintId, body, idempotencyKey, actor).take();
    }

    public Parsed<Receipt> parseTraceMatrix(String sprintId, String body, String idempotencyKey, Actor actor) {
        TraceMatrix matrix = TraceMatrixParser.parse(body, sprintId);
        String fingerprint = Idempotency.fingerprint(body); // here, not inside the transaction
        return input(Attributes.of(KIND, "trace-matrix"), matrix.traceId(), "trace-matrix:" + sprintId, idempotencyKey, fingerprint, now -> {
            Sprint sprint = sprints.lock(sprintId);
            long id = store.append(new Envelope("trace-matrix", null, sprintId, matrix.milestoneId(), null, now, now,
                    matrix.traceId(), idempotencyKey, actor.name(), "application/json", body));
            List<String> features = new ArrayList<>();
            for (TraceFeature f : matrix.features()) {
                store.trace(id, sprintId, f.id(), f.tests().size(), f.artifacts().size(), now);
                if (f.coverage() != null) store.coverage(id, f.id(), sprintId, "trace", f.coverage(), f.tests().size(), now);
                features.add(f.id());
            }
            sprints.link(sprintId, matrix.milestoneId() == null ? List.of() : List.of(matrix.milestoneId()), features, "trace-matrix");
            sprints.refresh(sprint, matrix.traceId(), actor);
            Effect effect = judge(sprintId, id, "trace matrix", actor, matrix.traceId());
            audit.record(actor, received("TraceMatrixReceived", sprintId, id, matrix.traceId(), effect,
                    p -> p.put("features", features.size())));
            return new Answer(201, answer(effect).toString());
        });
    }

    /** POST /api/sprints/{id}/qa-report (markdown or JSON) */
    @Transactional
    public Receipt qaReport(String sprintId, String body, boolean markdown, String idempotencyKey, Actor actor) {
        return parseQaReport(sprintId, body, markdown, idempotencyKey, actor).take();
    }

    public Parsed<Receipt> parseQaReport(String sprintId, String body, boolean markdown, String idempotencyKey, Actor actor) {
        QaReport report = markdown ? QaReportParser.parseMarkdown(body, sprintId) : QaReportParser.parseJson(body, sprintId);
        String fingerprint = Idempotency.fingerprint(body); // here, not inside the transaction
        return input(Attributes.of(KIND, "qa-report"), null, "qa-report:" + sprintId, idempotencyKey, fingerprint, now -> {
            Sprint sprint = sprints.lock(sprintId);
            long id = store.append(new Envelope("qa-report", null, sprintId, null, null, now, now, null, idempotencyKey,
                    actor.name(), markdown ? "text/markdown" : "application/json", body));
            for (FeatureCoverage f : report.features()) {
                store.coverage(id, f.feature(), sprintId, "qa", f.percent(), f.tests() == null ? 0 : f.tests(), now);
            }
            if (report.testsPassed() != null || report.testsFailed() != null) {
                store.testResults(id, sprintId, orZero(report.testsPassed()), orZero(report.testsFailed()), now);
            }
            sprints.link(sprintId, List.of(), report.features().stream().map(FeatureCoverage::feature).toList(), "qa-report");
            sprints.refresh(sprint, null, actor);
            Effect effect = judge(sprintId, id, "QA report", actor, null);
            audit.record(actor, received("QaReportReceived", sprintId, id, null, effect, p -> {
                ObjectNode coverage = p.putObject("coverage");
                report.features().forEach(f -> coverage.put(f.feature(), f.percent()));
                if (report.testsFailed() != null) p.put("tests_failed", report.testsFailed());
                if (report.testsPassed() != null) p.put("tests_passed", report.testsPassed());
            }));
            return new Answer(201, answer(effect).toString());
        });
    }

    /** POST /api/executions (execution-metadata.json, one record or an array) */
    @Transactional
    public Receipt executions(String body, String idempotencyKey, Actor actor) {
        return parseExecutions(body, idempotencyKey, actor).take();
    }

    public Parsed<Receipt> parseExecutions(String body, String idempotencyKey, Actor actor) {
        List<ExecutionRecord> records = ExecutionMetadataParser.parse(body);
        String fingerprint = Idempotency.fingerprint(body); // here, not inside the transaction
        return input(Attributes.of(KIND, "executions"), first(records, ExecutionRecord::traceId), "executions", idempotencyKey, fingerprint, now -> {
            long id = store.append(new Envelope("execution", null, first(records, ExecutionRecord::sprintId), null,
                    first(records, ExecutionRecord::featureId), now, now, first(records, ExecutionRecord::traceId),
                    idempotencyKey, actor.name(), "application/json", body));
            TreeSet<String> touched = new TreeSet<>();
            for (ExecutionRecord r : records) {
                if (r.sprintId() == null || r.featureId() == null) continue;
                sprints.lock(r.sprintId());
                sprints.link(r.sprintId(), List.of(), List.of(r.featureId()), "execution");
                touched.addAll(sprints.touchedMilestones(r.sprintId()));
            }
            Effect effect = new Effect(id, judgeAll(touched, "execution metadata", actor, null));
            audit.record(actor, AuditEntry.of("ExecutionMetadataReceived", Subject.system(), first(records, ExecutionRecord::traceId),
                    json.createObjectNode().put("evidence_id", id).put("records", records.size()))
                    .alsoAbout(touched.stream().map(Subject::milestone).toList()));
            return new Answer(201, answer(effect).toString());
        });
    }

    /** What a batch did: each line's receipt, in order, and the milestones re-judged once each at its end. */
    public record BatchReceipt(List<LineReceipt> lines, List<String> milestones) {}

    /** One line of a batch and the answer it got (the same a single call would have got). */
    public record LineReceipt(int line, Receipt receipt) {}

    /**
     * POST /api/evidence/batch: every line as its single call would take it (same parsing, idempotency scope and
     * key, evidence, audit event), all in one transaction, so a batch is stored whole or not at all. Re-judging is
     * incremental and deferred: each milestone the batch's new evidence touches is judged once, after all of it is
     * stored, instead of once per line. A line that fails rolls the whole batch back and is named in the error.
     */
    @Transactional
    public BatchReceipt batch(String body, Actor actor) {
        return parseBatch(body, actor).take();
    }

    /** Every line is parsed first (the first malformed one refuses the batch, named by its line), then all are taken. */
    public Parsed<BatchReceipt> parseBatch(String body, Actor actor) {
        EvidenceBatch batch = EvidenceBatch.parse(body);
        List<ParsedLine> lines = new ArrayList<>(batch.lines().size());
        for (EvidenceBatch.Line line : batch.lines()) lines.add(new ParsedLine(line.number(), atLine(line.number(), () -> parse(line, actor))));
        List<Idempotency.Key> claims = lines.stream().flatMap(l -> l.input().claims().stream()).toList();
        return Parsed.claiming(claims, () -> spans.within("EvidenceIngest", Attributes.of(KIND, "batch"), null,
                () -> idempotency.completingTogether(() -> {
                    idempotency.claimAhead(claims);
                    return take(lines, actor);
                })));
    }

    private record ParsedLine(int number, Parsed<Receipt> input) {}

    /** Each line's EvidenceIngest span is a child of the batch's, and so is the deferred judging. */
    private BatchReceipt take(List<ParsedLine> lines, Actor actor) {
        Map<String, String> later = new TreeMap<>();
        registry.putResource(JUDGE_LATER, later);
        List<LineReceipt> receipts = new ArrayList<>(lines.size());
        try {
            for (ParsedLine line : lines) receipts.add(new LineReceipt(line.number(), atLine(line.number(), line.input()::take)));
        } finally {
            registry.putResource(JUDGE_LATER, null);
        }
        return new BatchReceipt(receipts, judgeWaiting(later, actor));
    }

    private Parsed<Receipt> parse(EvidenceBatch.Line line, Actor actor) {
        return switch (line.kind()) {
            case "event" -> parseEvent(line.body(), line.idempotencyKey(), actor);
            case "trace-matrix" -> parseTraceMatrix(line.sprintId(), line.body(), line.idempotencyKey(), actor);
            case "qa-report" -> parseQaReport(line.sprintId(), line.body(), line.markdown(), line.idempotencyKey(), actor);
            case "executions" -> parseExecutions(line.body(), line.idempotencyKey(), actor);
            default -> throw new IllegalStateException("unknown kind " + line.kind());
        };
    }

    /** A line's refusal, parsing or taking it, names the line. */
    private static <T> T atLine(int number, java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (InvalidInputException e) {
            throw new InvalidInputException(EvidenceBatch.atLine(number, e.problems()));
        } catch (ApiException e) {
            throw new ApiException(e.status(), e.problems().stream()
                    .map(p -> new InputProblem(p.message(), number, null, null)).toList());
        } catch (WebApplicationException e) {
            throw new ApiException(e.getResponse().getStatus(), List.of(new InputProblem(e.getMessage(), number, null, null)));
        }
    }

    /**
     * Inside a batch, judging waits for the batch's end: before evidence whose effect depends on a milestone's
     * current state (a resume, a release report), what waits is judged now.
     */
    void judgeDeferredNow(Actor actor) {
        @SuppressWarnings("unchecked")
        Map<String, String> later = (Map<String, String>) registry.getResource(JUDGE_LATER);
        if (later != null) judgeWaiting(later, actor);
    }

    /** Judges each waiting milestone once, in id order, and empties the map; answers the milestones judged. */
    private List<String> judgeWaiting(Map<String, String> later, Actor actor) {
        List<String> judged = new ArrayList<>(later.keySet());
        later.forEach((m, trace) -> evaluator.react(m, new MilestoneStimulus.EvidenceArrived("evidence batch"), actor,
                trace.isEmpty() ? null : trace));
        later.clear();
        return judged;
    }

    /** Re-judges the milestones a sprint's evidence touches. */
    Effect judge(String sprintId, long evidenceId, String kind, Actor actor, String traceId) {
        return new Effect(evidenceId, judgeAll(sprints.touchedMilestones(sprintId), kind, actor, traceId));
    }

    /**
     * Re-judges the given milestones now, or inside a batch at its end (remembering the newest trace id); answers each
     * milestone, in id order, with its state after (null when deferred).
     */
    Map<String, String> judgeAll(Iterable<String> milestoneIds, String kind, Actor actor, String traceId) {
        @SuppressWarnings("unchecked")
        Map<String, String> later = (Map<String, String>) registry.getResource(JUDGE_LATER);
        Map<String, String> judged = new java.util.LinkedHashMap<>();
        for (String m : new TreeSet<>(toList(milestoneIds))) requireTracePattern(m, traceId);
        for (String m : new TreeSet<>(toList(milestoneIds))) {
            if (later != null) {
                later.merge(m, traceId == null ? "" : traceId, (was, now) -> now.isEmpty() ? was : now);
                judged.put(m, null);
            } else {
                judged.put(m, evaluator.react(m, new MilestoneStimulus.EvidenceArrived(kind), actor, traceId).milestone().state);
            }
        }
        return judged;
    }

    /** Evidence about a milestone whose traceability names a tracePattern carries a trace id inside it, or none. */
    void requireTracePattern(String milestoneId, String traceId) {
        if (traceId == null || traceId.isBlank()) return;
        Traceability t = rulebook.rules(views.find(milestoneId)).definition().traceability();
        String pattern = t == null ? null : t.tracePattern();
        if (pattern != null && !TracePattern.matches(pattern, traceId)) {
            throw new InvalidInputException(new InputProblem("traceId '" + traceId + "' is outside milestone " + milestoneId
                    + "'s tracePattern '" + pattern + "'", null, null, "traceId"));
        }
    }

    /** One input, parsed: taking it claims its key (unless claimed ahead), does its work and answers. */
    private Parsed<Receipt> input(Attributes what, String traceId, String scope, String key, String fingerprint, Function<Instant, Answer> work) {
        Idempotency.Key claim = Idempotency.Key.of(scope, key, fingerprint);
        return Parsed.claiming(List.of(claim), () -> ingest(what, traceId, claim, work));
    }

    /** One input's EvidenceIngest span, linked to the trace the input names. */
    private Receipt ingest(Attributes what, String traceId, Idempotency.Key claim, Function<Instant, Answer> work) {
        return spans.within("EvidenceIngest", what, traceId, () -> {
            Receipt receipt = once(claim, work);
            Span.current().setAttribute(REPLAYED, receipt.replayed());
            return receipt;
        });
    }

    private Receipt once(Idempotency.Key claim, Function<Instant, Answer> work) {
        Optional<Answer> earlier = idempotency.claim(claim.scope(), claim.key(), claim.requestHash());
        if (earlier.isPresent()) return new Receipt(earlier.get(), true);
        Answer answer = work.apply(Instant.now().truncatedTo(ChronoUnit.MICROS));
        idempotency.complete(claim.scope(), claim.key(), claim.requestHash(), answer);
        return new Receipt(answer, false);
    }

    private AuditEntry received(String type, String sprintId, long evidenceId, String traceId, Effect effect,
                                java.util.function.Consumer<ObjectNode> details) {
        ObjectNode p = json.createObjectNode().put("evidence_id", evidenceId).put("sprint_id", sprintId);
        details.accept(p);
        return AuditEntry.of(type, Subject.sprint(sprintId), traceId, p)
                .alsoAbout(effect.milestones().stream().map(Subject::milestone).toList());
    }

    ObjectNode answer(Effect effect) {
        ObjectNode n = json.createObjectNode().put("evidence_id", effect.evidenceId()).put("accepted", true);
        ArrayNode milestones = n.putArray("milestones_evaluated");
        effect.milestones().forEach(milestones::add);
        ObjectNode states = n.putObject("milestone_states");
        effect.judged().forEach((id, state) -> {
            if (state != null) states.put(id, state);
        });
        return n;
    }

    private static int orZero(Integer n) {
        return n == null ? 0 : n;
    }

    private static String first(List<ExecutionRecord> records, Function<ExecutionRecord, String> field) {
        return records.stream().map(field).filter(v -> v != null).findFirst().orElse(null);
    }

    private static List<String> toList(Iterable<String> ids) {
        List<String> list = new ArrayList<>();
        ids.forEach(list::add);
        return list;
    }
}
