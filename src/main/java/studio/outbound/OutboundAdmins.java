package studio.outbound;

import static studio.governance.Roles.PLATFORM_ADMIN;

import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import studio.audit.AuditEntry.Subject;
import studio.audit.Refusals;
import studio.governance.Actor;
import studio.governance.Verdict;
import studio.security.CurrentUser;

/**
 * Who may look at and change where Studio sends events (webhooks and chat channels, on their pages): platform admins
 * only. Anyone else gets 403; a refused change is recorded in the audit trail.
 */
@ApplicationScoped
public class OutboundAdmins {

    @Inject
    CurrentUser user;
    @Inject
    Refusals refusals;

    /** @param what "webhook settings": said in the refusal */
    public void mayView(String what) {
        if (!user.actor().holds(PLATFORM_ADMIN)) throw new ForbiddenException(what + " are for platform admins");
    }

    /** The admin making a change; anyone else is refused with 403, and the refusal is recorded. */
    public Actor mayChange(String action, Long webhookId) {
        Actor actor = user.actor();
        Verdict verdict = actor.holds(PLATFORM_ADMIN) ? Verdict.ALLOWED : Verdict.forbidden("only a platform admin may " + action);
        refusals.enforce(verdict, actor, action, new Subject("webhook", webhookId == null ? null : webhookId.toString()));
        return actor;
    }
}
