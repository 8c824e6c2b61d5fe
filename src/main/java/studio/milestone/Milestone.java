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

    public MilestoneState lifecycleState() {
        return Names.parse(MilestoneState.class, state);
    }
}
