package studio.release.web;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import studio.audit.Timeline;
import studio.governance.ApprovalStatus;
import studio.governance.ReleaseApproval.Decision;
import studio.milestone.MilestonePaths;
import studio.release.HotfixReview;
import studio.release.Release;
import studio.web.Attempt;

/**
 * Feeds the release page ({@code /releases/{tag}}, and the frame of its documents), read once per request by
 * {@link ReleasePageQuery}: the release and its approvals under its bound policy, the controls this person may use,
 * its timeline from the audit chain, the notes preview (safe HTML), the metadata, the manifest's verification, its
 * documents, and the outcome of the action just taken.
 *
 * @param notesHtml the notes rendered by {@link studio.release.document.ReleaseNotesHtml}: safe to insert unescaped
 * @param metadata  release-metadata.json as the API serves it, indented
 * @param notice    what the last action did (null: nothing)
 * @param attempt   the refused action, shown next to its form (null: none)
 */
public record ReleasePage(ReleaseView view, ReleaseControls panel, List<DecisionRow> decisions, Timeline timeline, String notesHtml,
                          String metadata, ManifestCheck manifest, List<DocumentLink> documents, String notice, Attempt attempt, String frozen,
                          List<ReleaseView> deployments, Promotion promotion, Hotfix hotfix) {

    /**
     * The version as a hotfix (docs/API.md "Hotfixes"): its review once it completed, whether this person may review it,
     * and whether they may ask for a hotfix of this version (it completed somewhere) and to where.
     *
     * @param review      its post-release review (null: not a hotfix, or not completed yet)
     * @param reviewState open, overdue or done (null without a review)
     */
    public record Hotfix(HotfixReview review, String reviewState, boolean mayReview, boolean mayRequest, List<String> environments) {
        public static final Hotfix NONE = new Hotfix(null, null, false, false, List.of());
    }

    /**
     * Where this person may promote the version next.
     *
     * @param to      environments the version may go to now, in lifecycle order (empty: none)
     * @param blocked why the next environment is not among them (null: nothing to explain)
     */
    public record Promotion(List<String> to, String blocked) {
        public static final Promotion NONE = new Promotion(List.of(), null);
    }

    /** Whether the version went to more than one environment, or may go on: the journey is worth a table. */
    public boolean journey() {
        return deployments.size() > 1 || !promotion.to().isEmpty() || promotion.blocked() != null;
    }

    /** Whether this page shows the version's newest deployment, the one its actions act on. */
    public boolean newest() {
        return deployments.isEmpty() || shown(deployments.get(deployments.size() - 1));
    }

    /** Whether {@code d} is the deployment this page shows. */
    public boolean shown(ReleaseView d) {
        return d.release().id.equals(view.release().id);
    }

    /** The page of the deployment to {@code environment}. */
    public String deploymentPath(ReleaseView d) {
        return view.path() + "?environment=" + d.release().environment;
    }

    /** One decision on the release and whether it counts now. */
    public record DecisionRow(String approver, String role, String decision, String reason, Instant at, Instant expiresAt, String mark,
                              String why) {
        /** The chip's status class. */
        public String chip() {
            return switch (mark) {
                case "counts" -> "approved";
                case "rejection" -> "rejected";
                case "stale", "expired" -> "expired";
                default -> "pending";
            };
        }

        public String markLabel() {
            return switch (mark) {
                case "counts" -> "Counts";
                case "rejection" -> "Rejected";
                case "stale" -> "Stale";
                case "expired" -> "Expired";
                default -> "Not counted";
            };
        }
    }

    /**
     * The signed manifest checked server-side against Studio's published keys.
     *
     * @param signed   whether the release has a manifest yet
     * @param verified whether a signature verified and the statement is consistent
     * @param keyId    the key the envelope names (null: none)
     * @param message  "Signature verified with key ..." or the reason it failed
     */
    public record ManifestCheck(boolean signed, boolean verified, String keyId, String message) {}

    /** A document and whether it exists yet. */
    public record DocumentLink(ReleaseDocument doc, boolean available, String href) {
        public String downloadHref() {
            return href + "/download";
        }
    }

    public Release release() {
        return view.release();
    }

    public String path() {
        return view.path();
    }

    /** The page of the release tagged {@code tag} (tags are free text). */
    public static String path(String tag) {
        return "/releases/" + MilestonePaths.segment(tag);
    }

    public String milestonePath() {
        return view.milestonePath();
    }

    public String milestoneTitle() {
        return view.milestoneTitle();
    }

    public String state() {
        return view.release().state;
    }

    public List<String> targets() {
        return view.facts().promotionTargets();
    }

    /** The images CI reported deployed with the completion, each with its digest. */
    public List<String> images() {
        return view.facts().dockerImages();
    }

    /** "satisfied", "waiting", "rejected" (the approval status as a chip class). */
    public String approvalState() {
        if (!view.policy().gated()) return "none";
        if (view.approvals() instanceof ApprovalStatus.Satisfied) return "approved";
        if (view.approvals() instanceof ApprovalStatus.Rejected) return "rejected";
        return "pending";
    }

    /** The requirements, as people read them: "1 × product-owner", "2 × qa-lead or product-owner". */
    public List<String> requirements() {
        return view.policy().requirements().stream().map(r -> r.count() + " × " + String.join(" or ", r.roles())).toList();
    }

    public String failed(String form) {
        return attempt != null && attempt.isFor(form) ? attempt.message() : null;
    }

    /** The Schedule form's value: what was typed before a refusal, else the schedule in force (UTC, to the minute), else empty. */
    public String scheduleValue() {
        if (attempt != null && attempt.isFor("schedule")) return typedField("schedule", "at");
        Instant at = release().scheduledFor;
        return at == null ? "" : at.atZone(java.time.ZoneOffset.UTC).toLocalDateTime().truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toString();
    }

    /** What was typed into {@code field} of the refused {@code form} (empty: nothing). */
    public String typedField(String form, String field) {
        String typed = attempt != null && attempt.isFor(form) ? attempt.value(field) : null;
        return typed == null ? "" : typed;
    }

    public String typed(String form) {
        String typed = attempt != null && attempt.isFor(form) ? attempt.value("reason") : null;
        return typed == null ? "" : typed;
    }

    /** A refusal whose form is not shown (the state changed meanwhile): shown at the top instead. */
    public String unplacedRefusal() {
        if (attempt == null || attempt.message() == null) return null;
        boolean shown = switch (attempt.form()) {
            case "decide" -> panel.decide();
            case "rollback" -> panel.rollback();
            case "retry" -> panel.retry();
            case "schedule" -> panel.schedule();
            case "promote" -> !promotion.to().isEmpty();
            case "hotfix" -> hotfix.mayRequest();
            case "hotfix-review" -> hotfix.mayReview();
            default -> false;
        };
        return shown ? null : attempt.message();
    }

    public ReleasePage withOutcome(String notice, Attempt attempt) {
        return new ReleasePage(view, panel, decisions, timeline, notesHtml, metadata, manifest, documents, notice, attempt, frozen, deployments,
                promotion, hotfix);
    }

    /** The decisions as the page lists them, each marked: counts, rejection, stale, expired or not counted (with why). */
    static List<DecisionRow> rows(ReleaseView v, Instant now) {
        List<ApprovalStatus.Discounted> discounted = v.approvals() instanceof ApprovalStatus.Satisfied s ? s.discounted()
                : v.approvals() instanceof ApprovalStatus.Waiting w ? w.discounted() : List.of();
        String hash = v.release().contentHash;
        return v.decisions().stream().map(a -> {
            String found = discounted.stream().filter(d -> d.approval().equals(a)).map(ApprovalStatus.Discounted::why).findFirst().orElse(null);
            String mark = a.decision() == Decision.REJECTED ? "rejection"
                    : !Objects.equals(a.contentHash(), hash) ? "stale"
                    : a.expiredAt(now) ? "expired"
                    : found != null ? "discounted" : "counts";
            String why = found;
            if (why == null && mark.equals("stale")) why = "approved content that has changed since; it must be given again";
            if (why == null && mark.equals("expired")) why = "expired; it must be given again";
            return new DecisionRow(a.approver(), a.role(), a.decision().json(), a.reason(), a.at(), a.expiresAt(), mark, why);
        }).toList();
    }
}
