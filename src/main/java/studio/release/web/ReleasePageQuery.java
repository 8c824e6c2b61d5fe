package studio.release.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import studio.audit.AuditPageRequest;
import studio.audit.Timeline;
import studio.audit.TimelineFilters;
import studio.audit.TimelineRows;
import studio.governance.Actor;
import studio.governance.HotfixPolicy;
import studio.governance.PromotionPath;
import studio.governance.ReleaseEnvironment;
import studio.release.HotfixReview;
import studio.release.Hotfixes;
import studio.release.Release;
import studio.release.document.ManifestVerification;
import studio.release.document.ReleaseManifest;
import studio.release.document.ReleaseNotes;
import studio.release.document.ReleaseNotesHtml;
import studio.release.web.ReleasePage.DocumentLink;
import studio.release.web.ReleasePage.ManifestCheck;
import studio.signing.DsseEnvelope;
import studio.signing.SigningKeys;

/**
 * Reads the {@link ReleasePage} in a fixed number of queries: the release and its decisions, one page of its
 * timeline, the published keys. The manifest is verified here, on the server, with the key its signature names among
 * those Studio publishes at /api/signing-keys, as an auditor would offline.
 */
@ApplicationScoped
public class ReleasePageQuery {

    static final int TIMELINE_PAGE = 15;

    @Inject
    ReleaseListing listing;
    @Inject
    TimelineRows timelines;
    @Inject
    SigningKeys keys;
    @Inject
    studio.release.FreezeWindows freezes;
    @Inject
    studio.release.EnvironmentDefinitions definitions;
    @Inject
    Hotfixes hotfixes;

    /** @throws studio.web.ApiException 404 for an unknown tag */
    public ReleasePage read(String tag, Actor actor) {
        return read(tag, null, actor);
    }

    /** The page of the version's deployment to {@code environment} (null: its newest). */
    public ReleasePage read(String tag, String environment, Actor actor) {
        ReleaseView v = listing.one(tag, environment);
        List<ReleaseView> deployments = listing.deployments(tag);
        Release r = v.release();
        Instant now = Instant.now();
        List<DocumentLink> documents = Arrays.stream(ReleaseDocument.values())
                .map(d -> new DocumentLink(d, d.availableFor(r), v.path() + "/documents/" + d.file())).toList();
        // the page's actions post to the version and act on its newest deployment: an earlier one is shown, never acted on
        boolean newest = deployments.isEmpty() || deployments.get(deployments.size() - 1).release().id.equals(r.id);
        return new ReleasePage(v, newest ? ReleaseControls.of(actor, v, now) : ReleaseControls.NONE, ReleasePage.rows(v, now), timeline(r.versionTag),
                ReleaseNotesHtml.render(ReleaseNotes.render(v.facts())), ReleaseDocument.METADATA.text(v), check(v), documents, null, null,
                freezes.holding(r.environment, now).map(w -> r.environment + " is frozen by " + w.describe() + " until "
                        + w.endText(now)
                        + freezes.exception(w, r.milestoneId, now).map(id -> "; freeze exception " + id + ", granted by two people, lets releases of "
                                + r.milestoneId + " pass it").orElse("")).orElse(null),
                deployments, promotion(tag, deployments, actor, r.milestoneId, now), hotfix(tag, deployments, actor, now));
    }

    /** The hotfix panel: the review of a hotfix, and the Hotfix form on a version that completed somewhere. */
    private ReleasePage.Hotfix hotfix(String tag, List<ReleaseView> deployments, Actor actor, Instant now) {
        HotfixReview review = deployments.stream().anyMatch(d -> d.release().hotfixOf != null) ? hotfixes.reviewOf(tag).orElse(null) : null;
        String requester = deployments.isEmpty() ? null : deployments.get(0).release().requestedBy;
        boolean mayReview = review != null && HotfixPolicy.review(requester, actor, !review.done(), "(notes to be given)").allowed();
        boolean completed = deployments.stream().anyMatch(d -> d.state() == studio.release.lifecycle.ReleaseState.COMPLETED);
        List<String> environments = Arrays.stream(ReleaseEnvironment.values()).map(ReleaseEnvironment::json).toList();
        return new ReleasePage.Hotfix(review, review == null ? null : review.state(now), mayReview, completed && Hotfixes.mayRequest(actor),
                environments);
    }

    /**
     * The environments {@code actor} may promote the version to now, by the rule the server enforces
     * ({@link PromotionPath}, and no freeze holding there without an exception for the milestone); the first refused one
     * after where the version is, with why, when none is open.
     */
    private ReleasePage.Promotion promotion(String tag, List<ReleaseView> deployments, Actor actor, String milestoneId, Instant now) {
        if (!ReleaseControls.mayPromote(actor)) return ReleasePage.Promotion.NONE;
        Map<ReleaseEnvironment, String> states = new EnumMap<>(ReleaseEnvironment.class);
        deployments.forEach(d -> states.put(d.release().releaseEnvironment(), d.release().state));
        int furthest = states.keySet().stream().mapToInt(Enum::ordinal).max().orElse(-1);
        List<String> open = new ArrayList<>();
        String blocked = null;
        var optional = definitions.optional();
        for (ReleaseEnvironment e : ReleaseEnvironment.values()) {
            if (e.ordinal() <= furthest && PromotionPath.live(states.get(e))) continue;
            var why = PromotionPath.refusal(tag, e, states, optional).or(() -> frozen(e.json(), milestoneId, now));
            if (why.isEmpty()) open.add(e.json());
            else if (blocked == null && e.ordinal() > furthest) blocked = why.get();
        }
        return new ReleasePage.Promotion(List.copyOf(open), open.isEmpty() ? blocked : null);
    }

    /** Why nothing of {@code milestoneId} is released to {@code environment} now: a freeze holds there without its exception. */
    private java.util.Optional<String> frozen(String environment, String milestoneId, Instant now) {
        return freezes.blocking(environment, milestoneId, now).map(w -> environment + " is frozen by " + w.describe() + " until " + w.endText(now));
    }

    /** One page of the release's own timeline, newest first. */
    private Timeline timeline(String tag) {
        TimelineFilters filters = new TimelineFilters(null, tag, null, null, null, null, null, null);
        return timelines.page(new AuditPageRequest(filters.params(null, null).filter(), null, TIMELINE_PAGE), filters.query());
    }

    /** Verifies the stored envelope with the published key its first signature names. */
    private ManifestCheck check(ReleaseView v) {
        if (v.release().manifest == null) return new ManifestCheck(false, false, null, null);
        return verify(v.manifest(), keys.published());
    }

    static ManifestCheck verify(DsseEnvelope envelope, Map<String, PublicKey> published) {
        if (envelope.signatures() == null || envelope.signatures().isEmpty()) {
            return new ManifestCheck(true, false, null, "Signature not verified: the manifest carries no signature");
        }
        String firstProblem = null;
        for (DsseEnvelope.Signature s : envelope.signatures()) {
            PublicKey key = published.get(s.keyid());
            if (key == null) {
                firstProblem = firstProblem != null ? firstProblem : "key " + s.keyid() + " is not among the keys Studio publishes";
                continue;
            }
            ManifestVerification outcome = ReleaseManifest.verify(envelope, key);
            if (outcome.valid()) return new ManifestCheck(true, true, s.keyid(), "Signature verified with key " + s.keyid());
            firstProblem = firstProblem != null ? firstProblem : outcome.problem();
        }
        return new ManifestCheck(true, false, envelope.signatures().get(0).keyid(), "Signature not verified: " + firstProblem);
    }
}
