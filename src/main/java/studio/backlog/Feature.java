package studio.backlog;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A backlog feature: defined in features.yaml, or known only because a milestone requires it or a sprint
 * delivers it. Deferral (FeatureDeferred) is recorded with its reason.
 */
@Entity
@Table(name = "feature")
public class Feature extends PanacheEntityBase {

    @Id
    public String id;
    public String title;
    public String priority;
    /** False when the feature is known only from a milestone or sprint, not from features.yaml. */
    public boolean defined;
    public String definition;
    @Column(name = "required_by")
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] requiredBy = new String[0];
    @Column(name = "depends_on")
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] dependsOn = new String[0];
    @Column(name = "planned_status")
    public String plannedStatus;
    @Column(name = "deferral_reason")
    public String deferralReason;
    @Column(name = "deferred_at")
    public Instant deferredAt;
    @Column(name = "deferred_by")
    public String deferredBy;
    @Column(name = "change_seq")
    public long changeSeq;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;

    public boolean deferred() {
        return deferredAt != null || "deferred".equals(plannedStatus);
    }
}
