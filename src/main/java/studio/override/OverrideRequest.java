package studio.override;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A request to override named gates of a milestone, and its decision. */
@Entity
@Table(name = "override_request")
public class OverrideRequest extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "milestone_id")
    public String milestoneId;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] gates;
    public String reason;
    @Column(name = "expires_at")
    public Instant expiresAt;
    /** requested, approved, rejected, revoked */
    public String status;
    @Column(name = "requested_by")
    public String requestedBy;
    @Column(name = "requested_roles")
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] requestedRoles;
    @Column(name = "requested_at")
    public Instant requestedAt;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "decided_roles")
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] decidedRoles;
    @Column(name = "decided_at")
    public Instant decidedAt;
    @Column(name = "decision_reason")
    public String decisionReason;
    @Column(name = "revoked_by")
    public String revokedBy;
    @Column(name = "revoked_at")
    public Instant revokedAt;
    @Column(name = "revoke_reason")
    public String revokeReason;
    @Version
    public long version;
}
