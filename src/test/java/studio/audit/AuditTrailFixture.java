package studio.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import studio.audit.AuditEntry.Subject;
import studio.governance.Actor;
import studio.governance.Roles;

/**
 * Audit events appended through {@link AuditLog} the way the application appends them (one transaction each),
 * remembered with what each one is about, so a test can say which events a filter must return.
 */
final class AuditTrailFixture {

    static final ObjectMapper JSON = new ObjectMapper();

    static final Actor ALICE = new Actor("alice", Set.of(Roles.PRODUCT_OWNER));
    static final Actor BOB = new Actor("bob", Set.of(Roles.QA_LEAD, Roles.AUDITOR));
    static final Actor CI = new Actor("ci-bot", Set.of(Roles.CI));
    static final List<Actor> ACTORS = List.of(ALICE, BOB, CI, Actor.SYSTEM);
    static final List<String> TYPES = List.of("MilestoneEvaluated", "SprintClosed", "ReleaseCreated");

    /** One appended event and every subject it is about (its own and the related ones). */
    record Written(long seq, Actor actor, String type, Set<Subject> about) {
        boolean isAbout(Subject subject) {
            return about.contains(subject);
        }
    }

    private final AuditLog log;
    private final List<Written> written = new ArrayList<>();

    AuditTrailFixture(AuditLog log) {
        this.log = log;
    }

    Written append(Actor actor, String type, Subject subject, List<Subject> related, ObjectNode payload) {
        return append(actor, type, subject, related, "trace-" + (written.size() + 1), payload);
    }

    Written append(Actor actor, String type, Subject subject, List<Subject> related, String traceId, ObjectNode payload) {
        AuditEntry entry = AuditEntry.of(type, subject, traceId, payload).alsoAbout(related);
        long seq = QuarkusTransaction.requiringNew().call(() -> log.recordNow(actor, entry));
        Set<Subject> about = new LinkedHashSet<>();
        if (subject.id() != null) about.add(subject);
        about.addAll(related);
        Written w = new Written(seq, actor, type, about);
        written.add(w);
        return w;
    }

    /**
     * {@code count} events cycling through four actors, three types and five kinds of subject: milestone m1,
     * milestone m2, sprint s1 (also about m1), release r1 (also about m2) and Studio itself.
     */
    AuditTrailFixture varied(int count) {
        int start = written.size();
        for (int i = start; i < start + count; i++) {
            append(ACTORS.get(i % 4), TYPES.get(i % 3), subject(i), related(i), JSON.createObjectNode().put("i", i));
        }
        return this;
    }

    /** {@code count} plain events by CI about milestone m1. */
    AuditTrailFixture plain(int count) {
        for (int i = 0; i < count; i++) {
            append(CI, "SprintClosed", Subject.milestone("m1"), List.of(), JSON.createObjectNode().put("n", i));
        }
        return this;
    }

    List<Written> written() {
        return List.copyOf(written);
    }

    /** The seqs a filter must return, newest first. */
    List<Long> newestFirst(Predicate<Written> matches) {
        return written.stream().filter(matches).map(Written::seq).sorted((a, b) -> Long.compare(b, a)).toList();
    }

    private static Subject subject(int i) {
        return switch (i % 5) {
            case 0 -> Subject.milestone("m1");
            case 1 -> Subject.milestone("m2");
            case 2 -> Subject.sprint("s1");
            case 3 -> Subject.release("r1");
            default -> Subject.system();
        };
    }

    private static List<Subject> related(int i) {
        return switch (i % 5) {
            case 2 -> List.of(Subject.milestone("m1"));
            case 3 -> List.of(Subject.milestone("m2"));
            default -> List.of();
        };
    }
}
