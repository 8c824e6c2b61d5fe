package studio.release.document;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The outcome of {@link ReleaseManifest#verify}: valid with the decoded statement, or the first problem found.
 *
 * @param statement the decoded in-toto statement once the signature verified, else null
 */
public record ManifestVerification(boolean valid, String problem, JsonNode statement) {

    static ManifestVerification invalid(String problem) {
        return new ManifestVerification(false, problem, null);
    }

    /** The statement-level checks, after the signature verified. */
    static ManifestVerification check(JsonNode s) {
        if (!ReleaseManifest.STATEMENT_TYPE.equals(s.path("_type").asText())) return new ManifestVerification(false, "not an in-toto Statement v1", s);
        if (!ReleaseManifest.PREDICATE_TYPE.equals(s.path("predicateType").asText())) {
            return new ManifestVerification(false, "the predicate type is not " + ReleaseManifest.PREDICATE_TYPE, s);
        }
        JsonNode predicate = s.path("predicate");
        if (!predicate.isObject()) return new ManifestVerification(false, "the statement has no predicate", s);
        String hash = ReleaseManifest.contentHashOf(predicate);
        if (!hash.equals(predicate.path("content_hash").asText())) {
            return new ManifestVerification(false, "content_hash does not match the predicate (recomputed " + hash + ")", s);
        }
        if (!hash.equals(s.path("subject").path(0).path("digest").path("sha256").asText())) {
            return new ManifestVerification(false, "the release subject's sha256 is not the content hash", s);
        }
        for (JsonNode a : predicate.path("approvals")) {
            if (!"approved".equals(a.path("decision").asText()) || !hash.equals(a.path("content_hash").asText())) {
                return new ManifestVerification(false, "the approval by " + a.path("approver").asText() + " approved other content", s);
            }
        }
        return new ManifestVerification(true, null, s);
    }
}
