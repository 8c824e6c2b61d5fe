package studio.bypass;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import studio.milestone.MilestoneViews;
import studio.persistence.Rows;

/** Bypass requests as the API shows them, with the milestone's status after a decision. */
@ApplicationScoped
public class BypassJson {

    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EntityManager em;
    @Inject
    MilestoneViews views;

    ObjectNode of(BypassDesk.Outcome o) {
        ObjectNode n = JSON.createObjectNode();
        n.put("bypass_id", o.bypass().id()).put("milestone_id", o.milestoneId()).put("kind", o.bypass().kind().slug())
                .put("status", o.bypass().status().json()).put("requested_by", o.bypass().requestedBy());
        o.bypass().approvals().forEach(a -> n.withArray("approved_by").add(a.person()));
        if (o.stillNeeded() != null) n.put("still_needed", o.stillNeeded());
        n.set("milestone", views.status(views.current(views.find(o.milestoneId()))));
        return n;
    }

    /** At most 500, oldest first. */
    List<ObjectNode> list(String status, String milestone) {
        StringBuilder sql = new StringBuilder("""
                select b.id, b.milestone_id, b.kind, b.status, b.reason, b.requested_by, b.requested_at, b.decided_by, b.decided_at,
                       b.decision_reason, array(select a.approver from bypass_approval a where a.bypass_id = b.id order by a.approved_at)
                       as approved_by
                from bypass_request b where true""");
        List<Object> params = new ArrayList<>();
        if (status != null) {
            sql.append(" and b.status = ?");
            params.add(status);
        }
        if (milestone != null) {
            sql.append(" and b.milestone_id = ?");
            params.add(milestone);
        }
        sql.append(" order by b.requested_at, b.id limit 500");
        return Rows.list(em, sql.toString(), params, r -> {
            ObjectNode n = JSON.createObjectNode();
            n.put("bypass_id", r.number("id")).put("milestone_id", r.text("milestone_id")).put("kind", r.text("kind"))
                    .put("status", r.text("status")).put("reason", r.text("reason")).put("requested_by", r.text("requested_by"))
                    .put("requested_at", r.instant("requested_at").toString()).put("decided_by", r.text("decided_by"))
                    .put("decided_at", r.instant("decided_at") == null ? null : r.instant("decided_at").toString())
                    .put("decision_reason", r.text("decision_reason"));
            r.texts("approved_by").forEach(n.withArray("approved_by")::add);
            return n;
        });
    }
}
