package studio.release;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import studio.audit.AuditEntry;
import studio.audit.AuditEntry.Subject;
import studio.audit.AuditLog;
import studio.audit.Refusals;
import studio.governance.Actor;
import studio.governance.HotfixPolicy;
import studio.governance.ReleaseEnvironment;
import studio.governance.ReleasePolicy;
import studio.governance.Verdict;
import studio.milestone.Milestone;
import studio.persistence.Rows;
import studio.release.version.VersionTags;
import studio.web.ApiException;

/**
 * The hotfix path (docs/API.md "Hotfixes"): a new version of a completed version's milestone, carrying that version's
 * content with a new commit, deployed straight to one environment under its policy made stricter
 * ({@link HotfixPolicy#stricter}, one more approver of {@code studio.release.hotfix-extra-approver}); a freeze holds it
 * like any release. Once it completed, its review opens; someone other than its requester closes it.
 */
@ApplicationScoped
public class Hotfixes {

    @Inject
    EntityManager em;
    @Inject
    ReleaseRecords records;
    @Inject
    ReleaseRequests requests;
    @Inject
    FreezeWindows freezes;
    @Inject
    EnvironmentDefinitions environments;
    @Inject
    ReleaseSettings settings;
    @Inject
    AuditLog audit;
    @Inject
    Refusals refusals;

    /**
     * What a hotfix request says.
     *
     * @param environment staging, qa or production; null: production
     */
    public record Order(String versionTag, String commit, String justification, String environment) {}

    /**
     * Requests hotfix {@code order.versionTag()} of version {@code baseTag}.
     *
     * @throws ApiException 400 for a missing field, a short justification or an unknown environment, 404 for an unknown
     *                      base, 409 naming why not now (base never completed, milestone not releasable, tag taken, frozen)
     */
    @Transactional
    public Release request(String baseTag, Order order, Actor actor) {
        ReleaseEnvironment environment = ReleaseRequests.environment(order.environment() == null ? "production" : order.environment());
        String tag = FreezeWindows.required(order.versionTag(), "version_tag");
        VersionTags.problem(tag).ifPresent(why -> {
            throw ApiException.badRequest("version_tag: " + why);
        });
        String commit = FreezeWindows.required(order.commit(), "commit");
        HotfixPolicy.justificationRefusal(order.justification()).ifPresent(why -> {
            throw ApiException.badRequest(why);
        });
        Milestone m = records.lockMilestone(records.find(baseTag).milestoneId);
        Release base = newestCompleted(baseTag);
        ReleaseRequests.requireReleasable(m);
        if (Release.count("versionTag", tag) > 0) throw ApiException.conflict("version tag " + tag + " exists; a hotfix is a new version");
        freezes.refuseWhileFrozen(environment.json(), m.id, "hotfix " + tag + " of " + baseTag + " to " + environment.json());
        ReleasePolicy policy = HotfixPolicy.stricter(environments.policies().policyFor(environment), settings.hotfixExtraApprover());
        ReleaseOrder o = new ReleaseOrder(m.id, tag, environment.json(), List.of(), commit, null, List.of(), "manual", null, null,
                base.rollbackEnabled, base.maxRetries, base.deployStrategy, base.documentationStyle, List.of());
        Release draft = ReleaseRequests.draft(m, o, environment, ReleaseRequests.targets(List.of(), environment), policy,
                environments.deployment(environment), actor);
        draft.hotfixOf = baseTag;
        draft.hotfixJustification = order.justification().strip();
        return requests.startFrom(draft, base, tag, policy, "version tag " + tag + " exists (taken by a concurrent release)",
                r -> requested(r, base, policy), actor);
    }

    /** The base version's newest completed deployment, whose content the hotfix carries. */
    private Release newestCompleted(String baseTag) {
        return Release.<Release>find("versionTag = ?1 and state = 'completed' order by id desc", baseTag).firstResultOptional()
                .orElseThrow(() -> ApiException.conflict("version " + baseTag + " never completed in any environment; a hotfix starts from a "
                        + "version that did"));
    }

    /** The hotfix {@code r} completed at {@code at}: its review opens, due {@link HotfixPolicy#REVIEW_WITHIN} later. */
    void completed(Release r, Actor actor, Instant at) {
        Instant due = at.plus(HotfixPolicy.REVIEW_WITHIN).truncatedTo(ChronoUnit.MICROS);
        int added = Rows.update(em, "insert into hotfix_review (release_id, due_at, status) values (?, ?, 'open') on conflict do nothing", r.id, due);
        if (added == 0) return;
        var p = ReleaseJson.JSON.createObjectNode().put("event", "HotfixReviewOpened").put("version_tag", r.versionTag)
                .put("hotfix_of", r.hotfixOf).put("environment", r.environment).put("due_at", due.toString());
        audit.record(actor, AuditEntry.of("HotfixReviewOpened", Subject.release(r.versionTag), r.traceId, p)
                .alsoAbout(List.of(Subject.milestone(r.milestoneId))));
    }

    /**
     * Reviews hotfix {@code tag}: 403 (audited) for its requester or a role that does not review, 409 before it
     * completed or once reviewed, 400 without notes.
     */
    @Transactional
    public HotfixReview review(String tag, String notes, Actor actor) {
        Release r = hotfix(tag);
        Optional<HotfixReview> row = Rows.first(em, """
                select h.*, r.version_tag, r.hotfix_of from hotfix_review h join release r on r.id = h.release_id
                where h.release_id = ? for update of h""", reviewRow(), r.id);
        Verdict v = HotfixPolicy.review(r.requestedBy, actor, row.map(x -> !x.done()).orElse(null), notes);
        refusals.enforce(v, actor, "review hotfix " + tag, Subject.release(tag));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Rows.update(em, "update hotfix_review set status = 'done', reviewed_by = ?, reviewed_roles = ?, reviewed_at = ?, notes = ? where release_id = ?",
                actor.name(), actor.sortedRoles(), now, notes.strip(), r.id);
        var p = ReleaseJson.JSON.createObjectNode().put("event", "HotfixReviewed").put("version_tag", tag).put("hotfix_of", r.hotfixOf)
                .put("notes", notes.strip());
        audit.record(actor, AuditEntry.of("HotfixReviewed", Subject.release(tag), r.traceId, p).alsoAbout(List.of(Subject.milestone(r.milestoneId))));
        return reviewOf(tag).orElseThrow();
    }

    /** The version's hotfix deployment (its first). @throws ApiException 404 unknown, 409 not a hotfix */
    private Release hotfix(String tag) {
        records.find(tag);
        return Release.<Release>find("versionTag = ?1 and hotfixOf is not null order by id", tag).firstResultOptional()
                .orElseThrow(() -> ApiException.conflict("version " + tag + " is not a hotfix; only hotfixes are reviewed after release"));
    }

    /** The review of hotfix version {@code tag}, once it opened. */
    public Optional<HotfixReview> reviewOf(String tag) {
        return Rows.first(em, """
                select h.*, r.version_tag, r.hotfix_of from hotfix_review h join release r on r.id = h.release_id
                where r.version_tag = ? order by r.id limit 1""", reviewRow(), tag);
    }

    /** Every open review, the first due first (at most {@code limit}). */
    public List<HotfixReview> open(int limit) {
        return Rows.list(em, """
                select h.*, r.version_tag, r.hotfix_of from hotfix_review h join release r on r.id = h.release_id
                where h.status = 'open' order by h.due_at, h.release_id limit ?""", reviewRow(), limit);
    }

    private static java.util.function.Function<studio.persistence.Row, HotfixReview> reviewRow() {
        return x -> new HotfixReview(x.number("release_id"), x.text("version_tag"), x.text("hotfix_of"), x.instant("due_at"), x.text("status"),
                x.text("reviewed_by"), x.texts("reviewed_roles"), x.instant("reviewed_at"), x.text("notes"));
    }

    /** Whether {@code actor} may ask for a hotfix at all (the page shows the form only then). */
    public static boolean mayRequest(Actor actor) {
        return actor.holdsAny(HotfixPolicy.REQUESTERS);
    }

    private static AuditEntry requested(Release r, Release base, ReleasePolicy policy) {
        var p = ReleaseJson.JSON.createObjectNode().put("event", "ReleaseHotfixRequested").put("version_tag", r.versionTag)
                .put("milestone_id", r.milestoneId).put("hotfix_of", base.versionTag).put("base_environment", base.environment)
                .put("environment", r.environment).put("commit", r.commitSha).put("justification", r.hotfixJustification)
                .put("policy", policy.describe()).put("content_hash", r.contentHash).put("base_content_hash", base.contentHash);
        return AuditEntry.of("ReleaseHotfixRequested", Subject.release(r.versionTag), r.traceId, p);
    }
}
