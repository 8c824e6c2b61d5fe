package studio.home;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import studio.governance.Roles;
import studio.inbox.ApprovalInbox;
import studio.inbox.InboxItem;
import studio.persistence.Row;
import studio.persistence.Rows;
import studio.report.ProgrammeReport;
import studio.report.StatusReports;
import studio.security.CurrentUser;

/** The home page: where delivery stands right now, straight from the database. */
@Path("/")
@RolesAllowed(Roles.EVERYONE)
@Produces(MediaType.TEXT_HTML)
public class Home {

    static final List<String> STATES = List.of("planned", "pending", "verifying", "blocked", "escalated", "reached", "closed", "terminated");

    public record RecentEvent(long seq, OffsetDateTime at, String actor, String type, String subjectType, String subjectId) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(Map<String, Long> milestonesByState, long milestones, long sprints,
                                            long features, long evidence, List<RecentEvent> recent,
                                            List<InboxItem> waiting, int waitingTotal, ProgrammeReport progress);

        static native TemplateInstance signedOut();
    }

    /** How many waiting decisions the home page lists; the inbox has the rest. */
    static final int WAITING_SHOWN = 5;

    @Inject
    CurrentUser user;
    @Inject
    EntityManager em;
    @Inject
    ApprovalInbox inbox;
    @Inject
    StatusReports reports;

    @GET
    public TemplateInstance home() {
        Map<String, Long> byState = new LinkedHashMap<>();
        STATES.forEach(s -> byState.put(s, 0L));
        Rows.list(em, "select state, count(*) as milestones from milestone group by state", r -> r)
                .forEach(r -> byState.put(r.text("state"), r.number("milestones")));
        long milestones = byState.values().stream().mapToLong(Long::longValue).sum();
        List<InboxItem> waiting = inbox.awaiting(user.actor());
        Row inventory = Rows.first(em, """
                select (select count(*) from sprint) as sprints, (select count(*) from feature) as features,
                       (select count(*) from evidence) as evidence""", r -> r).orElseThrow();
        return Templates.home(byState, milestones, inventory.number("sprints"), inventory.number("features"),
                inventory.number("evidence"), recent(), waiting.subList(0, Math.min(WAITING_SHOWN, waiting.size())), waiting.size(),
                milestones == 0 ? null : reports.programme());
    }

    @GET
    @Path("signed-out")
    @PermitAll
    public TemplateInstance signedOut() {
        return Templates.signedOut();
    }

    private List<RecentEvent> recent() {
        return Rows.list(em, """
                select seq, occurred_at, actor, type, subject_type, subject_id
                from audit_event order by seq desc limit 8""",
                r -> new RecentEvent(r.number("seq"), r.instant("occurred_at").atOffset(ZoneOffset.UTC), r.text("actor"),
                        r.text("type"), r.text("subject_type"), r.text("subject_id")));
    }
}
