package studio.release;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import studio.governance.ReleaseEnvironment;
import studio.release.lifecycle.ReleaseState;

/**
 * A release as stored: its tag, milestone, environment and lifecycle state, the content approvers approve
 * ({@code facts}, {@code contentHash}), the approval policy bound at request time, and the signed manifest once it
 * completed. Inserted by {@link ReleaseRequests} (ON CONFLICT on the tag), changed only under a row lock.
 */
@Entity
@Table(name = "release")
public class Release extends PanacheEntityBase {

    @Id
    public Long id;
    @Column(name = "version_tag")
    public String versionTag;
    @Column(name = "milestone_id")
    public String milestoneId;
    public String environment;
    /** {@link ReleaseState#json()}: pending, paused_for_approval, tagging, deploying, ... */
    public String state;
    /** manual, auto or ci. */
    public String trigger;
    @Column(name = "requested_by")
    public String requestedBy;
    @Column(name = "requested_roles")
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] requestedRoles;
    @Column(name = "trace_id")
    public String traceId;
    @JdbcTypeCode(SqlTypes.JSON)
    public String targets;
    /** {@link studio.release.document.ReleaseContent} as JSON. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String facts;
    @Column(name = "content_hash")
    public String contentHash;
    /** {@link studio.governance.ReleasePolicy} as JSON. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String policy;
    @Column(name = "approval_timeout_seconds")
    public Long approvalTimeoutSeconds;
    @Column(name = "commit_sha")
    public String commitSha;
    @Column(name = "docker_images")
    @JdbcTypeCode(SqlTypes.JSON)
    public String dockerImages;
    /** The signed DSSE envelope, once completed. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String manifest;
    /** customDeployStrategy of its trigger: canary, blue-green, batch; null: none. */
    @Column(name = "deploy_strategy")
    public String deployStrategy;
    /** rollbackEnabled of its trigger; null: the installation's studio.release.rollback-on-failure. */
    @Column(name = "rollback_enabled")
    public Boolean rollbackEnabled;
    /** releaseDocumentationStyle of its trigger: markdown, json; null: markdown. */
    @Column(name = "documentation_style")
    public String documentationStyle;
    /** signedBy of its trigger: the role of the human signer of a gated promotion. */
    @Column(name = "signed_by")
    public String signedBy;
    /** maxRetries of its trigger; null: the installation's studio.release.max-retries. */
    @Column(name = "max_retries")
    public Integer maxRetries;
    /** The deployment of the same version this one was promoted from; null: the version's first deployment. */
    @Column(name = "promoted_from")
    public Long promotedFrom;
    /** requiredSignals of its environment when it was made: signals CI reports passing before it may complete. */
    @Column(name = "required_signals")
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] requiredSignals = new String[0];
    /** The newest signal report at its latest hand-over to CI: only reports after it count (a retry needs them again). */
    @Column(name = "signals_after")
    public long signalsAfter;
    /** The version this one is a hotfix of (docs/API.md "Hotfixes"); null: not a hotfix. */
    @Column(name = "hotfix_of")
    public String hotfixOf;
    /** Why the hotfix skips the lifecycle, as its requester wrote it; null: not a hotfix. */
    @Column(name = "hotfix_justification")
    public String hotfixJustification;
    /** notifyChannels of its trigger: chat channels (ids) the version's events also go to; empty: none. */
    @Column(name = "notify_channels")
    @JdbcTypeCode(SqlTypes.ARRAY)
    public Long[] notifyChannels = new Long[0];
    /** When it is to be handed to CI by itself once approved (a scheduled deployment); null: as soon as approved. */
    @Column(name = "scheduled_for")
    public Instant scheduledFor;
    @Column(name = "scheduled_by")
    public String scheduledBy;
    /** How often Studio handed it to CI again after a failure by itself. */
    @Column(name = "retry_count")
    public int retryCount;
    @Column(name = "last_reason")
    public String lastReason;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "state_since")
    public Instant stateSince;
    @Column(name = "triggered_at")
    public Instant triggeredAt;
    @Column(name = "released_at")
    public Instant releasedAt;
    @Version
    public long version;

    /** What its promotion trigger set. */
    public studio.release.document.DeploySettings settings() {
        return new studio.release.document.DeploySettings(deployStrategy, rollbackEnabled, documentationStyle, signedBy, hotfixOf,
                hotfixJustification);
    }

    /** The signals it waits for before CI's ReleaseCompleted may complete it: its environment's, and a canary's validation. */
    public List<String> awaitedSignals() {
        return new studio.governance.DeploymentRules(List.of(requiredSignals), null, null).awaitedBy(deployStrategy);
    }

    public ReleaseState lifecycleState() {
        return ReleaseState.fromJson(state);
    }

    public ReleaseEnvironment releaseEnvironment() {
        return ReleaseEnvironment.parse(environment);
    }
}
