package studio.sprint;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A sprint: defined in sprints.yaml, or first seen in a CI event; its state follows its events' timestamps. */
@Entity
@Table(name = "sprint")
public class Sprint extends PanacheEntityBase {

    @Id
    public String id;
    public String name;
    public String goal;
    /** The sprint's own entry of sprints.yaml as canonical YAML; null when known only from events. */
    public String definition;
    /** Lower-case: planned, active, verifying, closed, blocked. */
    public String state;
    @Column(name = "state_since")
    public Instant stateSince;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "closed_at")
    public Instant closedAt;
    /** While a SprintClosed waits for the sprint's own gates: which gates and why ("testsPassed: 2 of 10 tests failed"). */
    @Column(name = "closure_held")
    public String closureHeld;
    @Column(name = "trace_id")
    public String traceId;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] labels = new String[0];
    @Column(name = "change_seq")
    public long changeSeq;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;
}
