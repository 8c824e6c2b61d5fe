package studio.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import studio.audit.AuditEntry.Subject;
import studio.governance.Actor;
import studio.governance.Verdict;
import studio.web.ApiException;

/**
 * Enforces a policy's verdict on a decision. A refusal on the grounds of who is asking (403) is itself recorded in
 * the audit trail, in its own transaction, since the request's own work is rolled back.
 */
@ApplicationScoped
public class Refusals {

    @Inject
    AuditLog audit;
    @Inject
    ObjectMapper json;

    public void enforce(Verdict verdict, Actor actor, String action, Subject subject) {
        if (!(verdict instanceof Verdict.Refused refused)) return;
        if (refused.status() == 403) {
            QuarkusTransaction.requiringNew().run(() -> audit.recordNow(actor, AuditEntry.of("AuthorizationRefused", subject, null,
                    json.createObjectNode().put("action", action).put("reason", refused.message()))));
        }
        throw new ApiException(refused.status(), refused.message());
    }
}
