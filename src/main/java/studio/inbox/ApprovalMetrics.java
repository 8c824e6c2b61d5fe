package studio.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import javax.sql.DataSource;
import studio.persistence.DatabaseFigures;

/**
 * Decisions waiting for someone, whoever may take them, on /q/metrics: approval_waiting{kind} and
 * approval_waiting_oldest_seconds{kind} (how long the oldest has waited). Kinds: override requests (unexpired),
 * force-close/terminate requests (bypass), definition changes, pending manual gates of open milestones (waiting
 * since the milestone entered its state), releases paused for approval. Read from the database at each scrape.
 */
@Startup
@ApplicationScoped
public class ApprovalMetrics {

    static final List<String> KINDS = List.of("override", "bypass", "definition_change", "manual_gate", "release");

    private static final String WAITING = """
            with waiting (kind, since) as (
                select 'override', requested_at from override_request
                 where status = 'requested' and (expires_at is null or expires_at > now())
                union all select 'bypass', requested_at from bypass_request where status = 'requested'
                union all select 'definition_change', proposed_at from definition_change where status = 'pending'
                union all select 'manual_gate', state_since from milestone
                 where state not in ('closed', 'terminated') and jsonb_array_length(coalesce(pending_manual_roles, '[]')) > 0
                union all select 'release', state_since from release where state = 'paused_for_approval')
            select kind, count(*) from waiting group by kind
            union all
            select kind || '.oldest', extract(epoch from now() - min(since)) from waiting group by kind""";

    @Inject
    MeterRegistry registry;
    @Inject
    DataSource db;

    @PostConstruct
    void register() {
        new DatabaseFigures(db, WAITING).registerCountAndOldest(registry, "approval.waiting", "kind", KINDS,
                "Decisions of this kind waiting for an approver now",
                "How long the oldest waiting decision of this kind has waited (0 when none waits)");
    }
}
