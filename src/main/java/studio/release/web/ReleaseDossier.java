package studio.release.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import studio.audit.AuditPageRequest;
import studio.audit.AuditQuery;
import studio.audit.Timeline;
import studio.audit.TimelineFilters;
import studio.governance.Actor;
import studio.release.Release;
import studio.release.ReleaseJson;
import studio.release.document.ManifestVerification;
import studio.release.document.ReleaseManifest;
import studio.release.document.ReleaseNotes;
import studio.release.document.ReleaseNotesHtml;
import studio.release.web.ReleasePage.DocumentLink;
import studio.release.web.ReleasePage.ManifestCheck;
import studio.signing.DsseEnvelope;
import studio.signing.SigningKeys;

/**
 * Reads what the release page shows in a fixed number of queries (the release, its decisions, one page of its
 * timeline, the published keys) and the text of its documents. The manifest is verified here, on the server, with
 * the key its signature names among those Studio publishes at /api/signing-keys, as an auditor would offline.
 */
@ApplicationScoped
public class ReleaseDossier {

    static final int TIMELINE_PAGE = 15;
    /** Milestones offered for promotion, newest first; more than anyone picks from. */
    static final int PROMOTABLE = 100;

    /** A milestone a release can be promoted from (Reached or Closed). */
    public record Promotable(String id, String name, String state) {
        public String title() {
            return name == null || name.isBlank() ? id : name + " (" + id + ")";
        }
    }

    @Inject
    ReleaseViews views;
    @Inject
    AuditQuery audit;
    @Inject
    SigningKeys keys;
    @Inject
    EntityManager em;

    public ReleasePage read(String tag, Actor actor) {
        ReleaseView v = views.view(tag);
        Instant now = Instant.now();
        Release r = v.release();
        List<DocumentLink> documents = Arrays.stream(ReleaseDocument.values())
                .map(d -> new DocumentLink(d, d.availableFor(r), ReleasePage.path(r.versionTag) + "/documents/" + d.file())).toList();
        return new ReleasePage(v, ReleaseControls.of(actor, v, now), ReleasePage.rows(v, now), timeline(r.versionTag),
                ReleaseNotesHtml.render(ReleaseNotes.render(v.facts())), pretty(ReleaseViews.json(v)), check(r), documents, null, null);
    }

    /** The document's text as it is downloaded. */
    public String text(String tag, ReleaseDocument doc) {
        ReleaseView v = views.view(tag);
        return switch (doc) {
            case NOTES -> ReleaseNotes.render(v.facts());
            case METADATA -> pretty(ReleaseViews.json(v));
            case MANIFEST -> pretty(views.manifest(v.release()));
            case PROMOTION_TRIGGER -> views.promotionTriggerConfirmed(v);
        };
    }

    /** One page of the release's own timeline, newest first. */
    public Timeline timeline(String tag) {
        TimelineFilters filters = new TimelineFilters(null, tag, null, null, null, null, null, null);
        return Timeline.of(audit.page(new AuditPageRequest(filters.params(null, null).filter(), null, TIMELINE_PAGE)), filters.query());
    }

    /** Verifies the stored envelope with the published key its first signature names. */
    ManifestCheck check(Release r) {
        if (r.manifest == null) return new ManifestCheck(false, false, null, null);
        DsseEnvelope envelope = views.manifest(r);
        return verify(envelope, keys.published());
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

    /** Reached and Closed milestones, newest first: what a release can be promoted from. */
    @SuppressWarnings("unchecked")
    public List<Promotable> promotable() {
        List<Object[]> rows = em.createNativeQuery("""
                select id, name, state from milestone where state in ('reached', 'closed') order by state_since desc, id limit ?1""")
                .setParameter(1, PROMOTABLE).getResultList();
        return rows.stream().map(x -> new Promotable((String) x[0], (String) x[1], (String) x[2])).toList();
    }

    static String pretty(Object value) {
        try {
            return ReleaseJson.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("release JSON does not serialise", e);
        }
    }
}
