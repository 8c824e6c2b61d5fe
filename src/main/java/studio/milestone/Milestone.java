package studio.milestone;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import studio.format.Names;
import studio.governance.MilestoneState;

/**
 * A milestone: its definition as imported, its lifecycle state, and the latest evaluation kept on the row
 * ({@code report}: the gate matrix as JSON) so the board and the list API read one row per milestone.
 */
@Entity
@Table(name = "milestone")
public class Milestone extends PanacheEntityBase {

    @Id
    public String id;
    public String name;
    public String description;
    /** The milestone's own entry of milestones.yaml, as canonical YAML. */
    public String definition;
    public String phase;
    public String owner;
    @Column(name = "governed_by")
    public String governedBy;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] labels = new String[0];
    /** The definition's observabilityTags: every event Studio sends about the milestone carries them. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "observability_tags")
    public String[] observabilityTags = new String[0];
    @Column(name = "target_date")
    public LocalDate targetDate;
    @Column(name = "version_tag")
    public String versionTag;
    /** The effective gateTimeoutSeconds (0: no timeout), kept on the row so the timer can find due milestones. */
    @Column(name = "gate_timeout_seconds")
    public int gateTimeoutSeconds;
    /** Lower-case state name: planned, pending, verifying, blocked, escalated, reached, closed, terminated. */
    public String state;
    @Column(name = "state_since")
    public Instant stateSince;
    @Column(name = "trace_id")
    public String traceId;
    /** Who took it into Escalated ("studio" for the gate timer): never the one to approve its force close. */
    @Column(name = "escalated_by")
    public String escalatedBy;
    public String outcome;
    /** The effective maxRetries under retryOnFailure (0: the timer never retries) and the cool-down before each retry. */
    @Column(name = "timer_retries")
    public int timerRetries;
    @Column(name = "retry_cooldown_seconds")
    public int retryCooldownSeconds = 60;
    /** Retries the timer made since the milestone was last judged anew. */
    @Column(name = "retry_count")
    public int retryCount;
    @Column(name = "paused_by")
    public String pausedBy;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "paused_roles")
    public String[] pausedRoles;
    @Column(name = "pause_reason")
    public String pauseReason;
    @Column(name = "paused_at")
    public Instant pausedAt;
    @Column(name = "promotion_rejected_by")
    public String promotionRejectedBy;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "promotion_rejected_roles")
    public String[] promotionRejectedRoles;
    @Column(name = "promotion_rejection_reason")
    public String promotionRejectionReason;
    @Column(name = "promotion_rejected_at")
    public Instant promotionRejectedAt;
    /** The sprints the timer found overdue when it escalated the milestone from Pending (JSON), or null. */
    @Column(name = "overdue_sprints")
    public String overdueSprints;
    @Column(name = "coverage_avg", precision = 6, scale = 3)
    public BigDecimal coverageAvg;
    @Column(name = "gates_total")
    public int gatesTotal;
    @Column(name = "gates_satisfied")
    public int gatesSatisfied;
    /** The latest gate report as JSON (see MilestoneReadout). */
    @Column(name = "gate_summary")
    public String report;
    @Column(name = "evaluated_at")
    public Instant evaluatedAt;
    @Column(name = "change_seq")
    public long changeSeq;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;

    /** Its pause, or null. */
    public studio.governance.Hold pause() {
        return pausedAt == null ? null : new studio.governance.Hold(pausedBy, String.join(",", pausedRoles == null ? new String[0] : pausedRoles),
                pauseReason, pausedAt);
    }

    /** Its rejected promotion, or null. */
    public studio.governance.Hold promotionRejection() {
        return promotionRejectedAt == null ? null : new studio.governance.Hold(promotionRejectedBy,
                String.join(",", promotionRejectedRoles == null ? new String[0] : promotionRejectedRoles), promotionRejectionReason, promotionRejectedAt);
    }

    public MilestoneState lifecycleState() {
        return Names.parse(MilestoneState.class, state);
    }
}
