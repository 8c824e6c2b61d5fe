package studio.release;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import studio.audit.AuditEntry;
import studio.audit.AuditEntry.Subject;
import studio.audit.AuditLog;
import studio.audit.Refusals;
import studio.governance.Actor;
import studio.governance.FreezeExceptionPolicy;
import studio.governance.FreezeWindow;
import studio.governance.ReleaseEnvironment;
import studio.governance.Roles;
import studio.persistence.Row;
import studio.persistence.Rows;
import studio.web.ApiException;

/**
 * Governed exceptions to a freeze: someone asks, with a justification, to release one milestone to an environment
 * while one window holds, until a time; two other people holding the roles the environment's approval policy names
 * (product-owner for an environment that names none) approve it, never the requester, never a CI token; one rejection
 * ends it. Granted and not expired, it lets that milestone's releases pass that window's check; nothing else is waived.
 * Decisions lock the exception's row, so two at once record both or refuse the second, never lose one.
 */
@ApplicationScoped
public class FreezeExceptions {

    /** Approvals a freeze exception needs, from different people ({@link FreezeExceptionPolicy}). */
    public static final int APPROVALS = FreezeExceptionPolicy.APPROVALS;

    /** An exception as stored, with its decisions. */
    public record Stored(long id, String environment, long windowId, String milestoneId, String justification, String requestedBy,
                         Instant requestedAt, Instant expiresAt, String status, List<String> approvedBy) {
        /** What a decision on it depends on. */
        public FreezeExceptionPolicy.Asked asked() {
            return new FreezeExceptionPolicy.Asked(id, environment, requestedBy, status, expiresAt, approvedBy);
        }
    }

    @Inject
    EntityManager em;
    @Inject
    AuditLog audit;
    @Inject
    ObjectMapper json;
    @Inject
    Refusals refusals;
    @Inject
    EnvironmentDefinitions definitions;
    @Inject
    FreezeWindows windows;

    @Transactional
    public Stored request(String environmentText, long windowId, String milestoneId, String justification, String expiresAt, Actor actor) {
        String environment = environment(environmentText);
        refusals.enforce(FreezeExceptionPolicy.ask(actor), actor, "ask for a freeze exception", Subject.system());
        String why = FreezeWindows.required(justification, "justification");
        if (milestoneId == null || milestoneId.isBlank()) throw field("milestone_id", "'milestone_id' is required");
        if (Rows.first(em, "select 1 as found from milestone where id = ?", r -> true, milestoneId).isEmpty()) {
            throw field("milestone_id", "Studio knows no milestone " + milestoneId);
        }
        FreezeWindow w = windows.of(environment).stream().filter(x -> x.id() == windowId).findFirst()
                .orElseThrow(() -> field("window_id", environment + " has no freeze window " + windowId + " in force or ahead"));
        Instant until = instant(expiresAt);
        Instant now = Instant.now();
        if (!until.isAfter(now)) throw field("expires_at", "an exception expires in the future");
        if (until.isAfter(now.plus(7, ChronoUnit.DAYS))) throw field("expires_at", "an exception lasts at most 7 days; ask again when it ends");
        long id = Rows.first(em, """
                insert into freeze_exception (environment, window_id, milestone_id, justification, requested_by, requested_roles, requested_at,
                                              expires_at) values (?, ?, ?, ?, ?, ?, ?, ?) returning id""", r -> r.number("id"), environment, windowId,
                milestoneId, why, actor.name(), actor.sortedRoles(), now.truncatedTo(ChronoUnit.MICROS), until).orElseThrow();
        ObjectNode p = json.createObjectNode().put("freeze_exception_id", id).put("environment", environment).put("window", w.describe())
                .put("justification", why).put("expires_at", until.toString()).put("reason", why);
        audit.record(actor, AuditEntry.of("FreezeExceptionRequested", Subject.milestone(milestoneId), null, p));
        return find(id);
    }

    /** Approves or rejects; the second approval by a different person grants it. */
    @Transactional
    public Stored decide(long id, boolean approve, String reason, Actor actor) {
        Stored e = Rows.first(em, SELECT + " where id = ? for update of e", this::stored, id)
                .orElseThrow(() -> ApiException.notFound("unknown freeze exception " + id));
        List<String> deciders = deciders(e.environment());
        String action = (approve ? "approve" : "reject") + " freeze exception " + id;
        refusals.enforce(FreezeExceptionPolicy.decide(actor, e.asked(), deciders, Instant.now()), actor, action, Subject.milestone(e.milestoneId()));
        String why = FreezeWindows.required(reason, "reason");
        String role = deciders.stream().filter(actor::holds).findFirst().orElseThrow();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        int stored = Rows.update(em, """
                insert into freeze_exception_approval (exception_id, approver, role, decision, reason, decided_at) values (?, ?, ?, ?, ?, ?)
                on conflict (exception_id, approver) do nothing""", id, actor.name(), role, approve ? "approved" : "rejected", why, now);
        if (stored == 0) throw ApiException.conflict(actor.name() + " already decided freeze exception " + id + "; another person decides next");
        List<String> approvers = approvers(id);
        String status = FreezeExceptionPolicy.statusAfter(approve, approvers.size());
        if (!status.equals("requested")) Rows.update(em, "update freeze_exception set status = ?, decided_at = ? where id = ?", status, now, id);
        ObjectNode p = json.createObjectNode().put("freeze_exception_id", id).put("environment", e.environment()).put("role", role)
                .put("reason", why).put("status", status).put("approvals", approvers.size()).put("approvals_needed", APPROVALS);
        String type = !approve ? "FreezeExceptionRejected" : status.equals("granted") ? "FreezeExceptionGranted" : "FreezeExceptionApproved";
        audit.record(actor, AuditEntry.of(type, Subject.milestone(e.milestoneId()), null, p));
        return find(id);
    }

    /** The newest {@code limit} exceptions, for the environments page. */
    public List<Stored> recent(int limit) {
        return Rows.list(em, SELECT + " order by id desc limit ?", this::stored, limit);
    }

    /** The newest {@code limit} exceptions to {@code environment}'s freezes, for its own page. */
    public List<Stored> recent(String environment, int limit) {
        return Rows.list(em, SELECT + " where environment = ? order by id desc limit ?", this::stored, environment, limit);
    }

    public List<Stored> list(String status) {
        return Rows.list(em, SELECT + " where (cast(? as text) is null or status = ?) order by id desc limit 200", this::stored, status, status);
    }

    /** The roles the environment's approval policy names; product-owner when it names none. */
    public List<String> deciders(String environment) {
        return deciders(definitions.policies(), environment);
    }

    /** {@link #deciders(String)} from policies already read (a page reads them once for every exception it lists). */
    public static List<String> deciders(ReleasePolicies policies, String environment) {
        return FreezeExceptionPolicy.deciders(policies.policyFor(ReleaseEnvironment.parse(environment)).approverRoles());
    }

    /** Each exception with the people who approved it, in one statement however many are listed. */
    private static final String SELECT = """
            select id, environment, window_id, milestone_id, justification, requested_by, requested_at, expires_at, status,
                   array(select a.approver from freeze_exception_approval a where a.exception_id = e.id and a.decision = 'approved'
                         order by a.decided_at) as approvers
            from freeze_exception e""";

    private Stored find(long id) {
        return Rows.first(em, SELECT + " where id = ?", this::stored, id).orElseThrow();
    }

    private Stored stored(Row r) {
        return new Stored(r.number("id"), r.text("environment"), r.number("window_id"), r.text("milestone_id"), r.text("justification"),
                r.text("requested_by"), r.instant("requested_at"), r.instant("expires_at"), r.text("status"), r.texts("approvers"));
    }

    private List<String> approvers(long id) {
        return new ArrayList<>(Rows.list(em, "select approver from freeze_exception_approval where exception_id = ? and decision = 'approved' order by decided_at",
                r -> r.text("approver"), id));
    }

    private static String environment(String text) {
        return FreezeWindows.environment(text);
    }

    private static Instant instant(String text) {
        return FreezeWindows.instant(text, "expires_at");
    }

    private static ApiException field(String field, String message) {
        return FreezeWindows.field(field, message);
    }
}
