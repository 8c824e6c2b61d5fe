package studio.release.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import studio.release.Release;
import studio.release.ReleaseJson;
import studio.release.document.ReleaseNotes;
import studio.web.ApiException;
import studio.web.DocumentFile;

/**
 * A release's documents on its page ({@code /releases/{tag}/documents/...}), by the file names the spec and API give
 * them, each viewable and downloadable.
 */
public enum ReleaseDocument implements DocumentFile {
    NOTES("release-notes.md", "Release notes", "text/markdown; charset=UTF-8"),
    METADATA("release-metadata.json", "Release metadata", "application/json; charset=UTF-8"),
    MANIFEST("release-manifest.dsse.json", "Signed manifest (DSSE envelope)", "application/json; charset=UTF-8"),
    PROMOTION_TRIGGER("promotion-trigger-confirmed.yaml", "Promotion trigger, confirmed", "application/yaml; charset=UTF-8");

    private final Spec spec;

    ReleaseDocument(String file, String title, String mediaType) {
        this.spec = new Spec(file, title, mediaType);
    }

    /** @throws ApiException 404 naming the documents there are */
    public static ReleaseDocument named(String file) {
        return DocumentFile.named(values(), "a release", file);
    }

    @Override
    public Spec spec() {
        return spec;
    }

    /** Whether {@code r} has this document yet: the manifest once completed, the confirmed trigger once handed to CI. */
    public boolean availableFor(Release r) {
        return switch (this) {
            case NOTES, METADATA -> true;
            case MANIFEST -> r.manifest != null;
            case PROMOTION_TRIGGER -> r.triggeredAt != null;
        };
    }

    /**
     * The document's text as it is downloaded.
     *
     * @throws ApiException 409 when the release does not have it yet
     */
    public String text(ReleaseView v) {
        return switch (this) {
            case NOTES -> ReleaseNotes.render(v.facts());
            case METADATA -> pretty(ReleaseApiJson.of(v));
            case MANIFEST -> pretty(v.manifest());
            case PROMOTION_TRIGGER -> v.promotionTriggerConfirmed();
        };
    }

    /** Why {@code r} does not have this document yet. */
    public String pendingReason() {
        return switch (this) {
            case MANIFEST -> "signed when CI reports the release completed";
            case PROMOTION_TRIGGER -> "written when the release is handed to CI";
            default -> "";
        };
    }

    private static String pretty(Object value) {
        try {
            return ReleaseJson.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("release JSON does not serialise", e);
        }
    }
}
