package studio.release.document;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.HexFormat;
import java.util.Set;
import studio.audit.CanonicalJson;
import studio.governance.ReleaseApproval;
import studio.signing.DsseEnvelope;
import studio.signing.Pem;
import studio.signing.SigningKey;

/**
 * The signed release manifest (docs/API.md "Releases"): a DSSE envelope ({@code payloadType}
 * {@value #PAYLOAD_TYPE}, base64 {@code payload}, {@code signatures:[{keyid, sig}]}) around an in-toto Statement
 * v1 in canonical JSON ({@link CanonicalJson}: sorted keys, no whitespace).
 *
 * <p>The statement's {@code subject} is the release: name = version tag, digest {@code sha256} = the content hash
 * and {@code gitCommit} when known; images CI reported with a digest ({@code name@sha256:...}) are further subjects.
 * Its {@code predicate} ({@value #PREDICATE_TYPE}) holds version_tag, git_tag, milestone_id, milestone_name,
 * trace_id, environment, requested_by, created_at, released_at, commit, promotion_targets, docker_images,
 * features [{name, coverage, tests}], sprint_ids, qa_coverage, gates [{condition, status, threshold, role,
 * actual, detail, override_id}], approvals [{approver, role, decision, reason, approved_at, expires_at,
 * content_hash}], overrides [{override_id, gates, requested_by, approved_by, reason, approved_at, expires_at}],
 * and content_hash. Unknown values are null, never left out.
 *
 * <p><b>Content hash</b>: what approvers approve. Lowercase hex SHA-256 of the canonical JSON of the predicate
 * without {@code approvals}, {@code released_at}, {@code docker_images} and {@code content_hash}: the facts fixed
 * when the release is requested, leaving out what only comes later (approvals, CI's images, the release time).
 * New evidence changes it, which makes earlier approvals stale.
 *
 * <p><b>Verifying without Studio</b>: decode the payload, rebuild the DSSE pre-authentication encoding and check
 * the Ed25519 signature with the public key from {@code GET /api/signing-keys}:
 * <pre>
 * base64 -d payload.b64 &gt; payload.json; base64 -d sig.b64 &gt; sig.bin
 * t=application/vnd.in-toto+json
 * printf 'DSSEv1 %d %s %d ' ${#t} "$t" $(( $(wc -c &lt; payload.json) )) &gt; pae.bin; cat payload.json &gt;&gt; pae.bin
 * openssl pkeyutl -verify -pubin -inkey studio.pem -rawin -in pae.bin -sigfile sig.bin
 * </pre>
 */
public final class ReleaseManifest {

    public static final String PAYLOAD_TYPE = "application/vnd.in-toto+json";
    public static final String STATEMENT_TYPE = "https://in-toto.io/Statement/v1";
    public static final String PREDICATE_TYPE = "https://studio.dev/release-manifest/v1";

    /** Predicate fields outside the content hash. */
    static final Set<String> OUTSIDE_CONTENT = Set.of("approvals", "released_at", "docker_images", "content_hash");

    private final ReleaseFacts facts;
    private final String contentHash;

    private ReleaseManifest(ReleaseFacts facts) {
        this.facts = facts;
        this.contentHash = contentHashOf(ManifestStatement.predicate(facts));
    }

    /** The manifest-to-be of a release: its content hash is known before anyone approves. */
    public static ReleaseManifest of(ReleaseFacts facts) {
        return new ReleaseManifest(facts);
    }

    public String contentHash() {
        return contentHash;
    }

    /**
     * The canonical statement text: the payload that gets signed.
     *
     * @throws IllegalArgumentException when an approval listed is a rejection or approved other content: a manifest
     *                                  only lists the approvals that authorized exactly this content
     */
    public String statementJson() {
        for (ReleaseApproval a : facts.approvals()) {
            if (a.decision() != ReleaseApproval.Decision.APPROVED || !contentHash.equals(a.contentHash())) {
                throw new IllegalArgumentException("the " + a.decision().json() + " decision by " + a.approver() + " is not an approval of content "
                        + contentHash + "; a manifest lists only the approvals of its content");
            }
        }
        return CanonicalJson.canonicalize(ManifestStatement.statement(facts, contentHash).toString());
    }

    public DsseEnvelope sign(SigningKey key) {
        return DsseEnvelope.sign(PAYLOAD_TYPE, statementJson().getBytes(StandardCharsets.UTF_8), key);
    }

    /**
     * Checks an envelope as an auditor would: the payload type, an Ed25519 signature by {@code key} over the PAE,
     * an in-toto statement of this predicate type, a content hash that matches the predicate and the subject, and
     * approvals that all approved that content.
     */
    public static ManifestVerification verify(DsseEnvelope envelope, PublicKey key) {
        if (envelope == null || !PAYLOAD_TYPE.equals(envelope.payloadType())) {
            return ManifestVerification.invalid("the payload type is not " + PAYLOAD_TYPE);
        }
        if (!envelope.verify(key)) return ManifestVerification.invalid("no signature verifies with key " + Pem.keyId(key));
        JsonNode statement;
        try {
            statement = ManifestStatement.JSON.readTree(envelope.payloadBytes());
        } catch (IOException e) {
            return ManifestVerification.invalid("the payload is not JSON");
        }
        return ManifestVerification.check(statement);
    }

    /** Lowercase hex SHA-256 of the canonical predicate without {@link #OUTSIDE_CONTENT}. */
    static String contentHashOf(JsonNode predicate) {
        ObjectNode content = predicate.deepCopy();
        content.remove(OUTSIDE_CONTENT);
        return sha256(CanonicalJson.canonicalize(content.toString()));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
