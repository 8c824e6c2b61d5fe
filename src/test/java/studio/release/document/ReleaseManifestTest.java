package studio.release.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static studio.release.ReleaseFixture.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import studio.audit.CanonicalJson;
import studio.governance.ReleaseApproval;
import studio.governance.ReleaseEnvironment;
import studio.signing.DsseEnvelope;
import studio.signing.SigningKey;

class ReleaseManifestTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final SigningKey KEY = SigningKey.generate();

    static JsonNode statement(ReleaseFacts f) throws Exception {
        return JSON.readTree(ReleaseManifest.of(f).statementJson());
    }

    @Test
    void theStatementIsAnInTotoStatementAboutTheRelease() throws Exception {
        ReleaseFacts f = completed();
        String hash = ReleaseManifest.of(f).contentHash();
        JsonNode s = statement(f);
        assertEquals("https://in-toto.io/Statement/v1", s.get("_type").asText());
        assertEquals("https://studio.dev/release-manifest/v1", s.get("predicateType").asText());
        assertEquals(JSON.readTree("[{\"name\":\"mvp-v1\",\"digest\":{\"sha256\":\"" + hash + "\",\"gitCommit\":\"" + COMMIT + "\"}},"
                + "{\"name\":\"notify:1.0.0-mvp\",\"digest\":{\"sha256\":\"" + NOTIFY_DIGEST + "\"}}]"), s.get("subject"));
    }

    @Test
    void thePredicateListsReleaseMilestoneFeaturesSprintsCoverageGatesApprovalsAndOverrides() throws Exception {
        ReleaseFacts f = completed();
        String hash = ReleaseManifest.of(f).contentHash();
        JsonNode expected = JSON.readTree("""
                {"version_tag":"mvp-v1","git_tag":"mvp-v1","milestone_id":"mvp-ready","milestone_name":"MVP ready","trace_id":"trace-xyz-789",
                 "environment":"production","requested_by":"alice","created_at":"2025-05-14T16:30:00Z","released_at":"2025-05-14T17:12:00Z",
                 "commit":"%s","promotion_targets":["deploy-to-production","tag-git: mvp-v1"],
                 "docker_images":["booking-service:1.0.0-mvp","notify:1.0.0-mvp@sha256:%s"],
                 "features":[{"name":"BookingFlow","coverage":93.1,"tests":120},{"name":"Notification.Send","coverage":89.5,"tests":80}],
                 "sprint_ids":["sprint-06","sprint-07"],"qa_coverage":91.3,
                 "gates":[{"condition":"qaCoverageAbove","status":"passed","threshold":90,"role":null,"actual":91.3,
                           "detail":"BookingFlow 93.1%%, Notification.Send 89.5%%","override_id":null},
                          {"condition":"allSprintsClosed","status":"passed","threshold":null,"role":null,"actual":null,
                           "detail":"closed: sprint-06, sprint-07","override_id":null},
                          {"condition":"traceMatrixComplete","status":"overridden","threshold":null,"role":null,"actual":null,
                           "detail":"Notification.Send has no artifact","override_id":7}],
                 "approvals":[{"approver":"bob","role":"product-owner","decision":"approved","reason":"Scope matches the MVP plan",
                               "approved_at":"2025-05-14T16:40:00Z","expires_at":"2025-05-15T16:40:00Z","content_hash":"%s"},
                              {"approver":"carol","role":"compliance-officer","decision":"approved","reason":"Audit trail verified",
                               "approved_at":"2025-05-14T16:58:00Z","expires_at":"2025-05-15T16:58:00Z","content_hash":"%s"}],
                 "overrides":[{"override_id":7,"gates":["traceMatrixComplete"],"requested_by":"erin","approved_by":"qa-lead-2",
                               "reason":"artifact list arrives with sprint-08","approved_at":"2025-05-14T15:00:00Z","expires_at":null}],
                 "content_hash":"%s"}
                """.formatted(COMMIT, NOTIFY_DIGEST, hash, hash, hash));
        assertEquals(CanonicalJson.canonicalize(expected.toString()), CanonicalJson.canonicalize(statement(f).get("predicate").toString()));
    }

    @Test
    void theStatementTextIsCanonical() {
        String text = ReleaseManifest.of(completed()).statementJson();
        assertEquals(CanonicalJson.canonicalize(text), text);
        assertTrue(text.startsWith("{\"_type\":\"https://in-toto.io/Statement/v1\",\"predicate\":{\"approvals\":"), text);
    }

    @Test
    void theSameReleaseGivesTheSameBytesWhateverTheOrderApprovalsArrivedIn() {
        ReleaseFacts f = completed();
        List<ReleaseApproval> reversed = new ArrayList<>(f.approvals());
        Collections.reverse(reversed);
        assertEquals(ReleaseManifest.of(f).statementJson(), ReleaseManifest.of(f.withApprovals(reversed)).statementJson());
    }

    @Test
    void anAuditorRecomputesTheContentHashFromThePayload() throws Exception {
        DsseEnvelope envelope = ReleaseManifest.of(completed()).sign(KEY);
        ObjectNode predicate = (ObjectNode) JSON.readTree(envelope.payloadBytes()).get("predicate").deepCopy();
        String claimed = predicate.get("content_hash").asText();
        predicate.remove(List.of("approvals", "released_at", "docker_images", "content_hash"));
        byte[] canonical = CanonicalJson.canonicalize(predicate.toString()).getBytes(StandardCharsets.UTF_8);
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical)), claimed);
        assertEquals(ReleaseManifest.of(requested()).contentHash(), claimed);
    }

    @Test
    void approvalsTheReleaseTimeAndCisImagesDoNotChangeTheContentHash() {
        String before = ReleaseManifest.of(requested()).contentHash();
        assertEquals(64, before.length());
        assertEquals(before, ReleaseManifest.of(approved()).contentHash());
        assertEquals(before, ReleaseManifest.of(completed()).contentHash());
    }

    static Stream<Arguments> contentChanges() {
        ReleaseFacts f = requested();
        List<GateOutcome> gates = new ArrayList<>(f.gates());
        gates.set(0, new GateOutcome("qaCoverageAbove", "passed", 90.0, null, 91.4, gates.get(0).detail(), null));
        return Stream.of(
                Arguments.of("a feature's coverage", with(f, "features", List.of(new ReleasedFeature("BookingFlow", 93.2, 120), f.features().get(1)))),
                Arguments.of("a feature's test count", with(f, "features", List.of(new ReleasedFeature("BookingFlow", 93.1, 121), f.features().get(1)))),
                Arguments.of("one more feature", with(f, "features", List.of(f.features().get(0), f.features().get(1), new ReleasedFeature("Auth.Login", 95.0, 10)))),
                Arguments.of("the overall coverage", with(f, "qaCoverage", 91.4)),
                Arguments.of("one more sprint", with(f, "sprintIds", List.of("sprint-06", "sprint-07", "sprint-08"))),
                Arguments.of("a gate's actual value", with(f, "gates", gates)),
                Arguments.of("a new override", with(f, "overrides", List.of())),
                Arguments.of("the environment", with(f, "environment", ReleaseEnvironment.STAGING)),
                Arguments.of("the commit", with(f, "commit", "0".repeat(40))),
                Arguments.of("the trace", with(f, "traceId", "trace-other")),
                Arguments.of("the version tag", with(f, "versionTag", "mvp-v2")),
                Arguments.of("the requester", with(f, "requestedBy", "mallory")),
                Arguments.of("the promotion targets", with(f, "promotionTargets", List.of("deploy-to-production"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contentChanges")
    void anyChangeOfEvidenceChangesTheContentHash(String what, ReleaseFacts changed) {
        assertNotEquals(ReleaseManifest.of(requested()).contentHash(), ReleaseManifest.of(changed).contentHash(), what);
    }

    @Test
    void aSignedManifestVerifiesWithThePublicKey() {
        DsseEnvelope envelope = ReleaseManifest.of(completed()).sign(KEY);
        assertEquals("application/vnd.in-toto+json", envelope.payloadType());
        assertEquals(KEY.keyId(), envelope.signatures().get(0).keyid());
        ManifestVerification v = ReleaseManifest.verify(envelope, KEY.publicKey());
        assertTrue(v.valid(), v.problem());
        assertNull(v.problem());
        assertEquals("mvp-v1", v.statement().get("predicate").get("version_tag").asText());
    }

    @Test
    void flippingAnyOneByteOfThePayloadFailsVerification() {
        DsseEnvelope envelope = ReleaseManifest.of(completed()).sign(KEY);
        byte[] payload = envelope.payloadBytes();
        // Every position, in parallel: JDK Ed25519 verification takes milliseconds and the payload is a few kilobytes.
        List<Integer> accepted = IntStream.range(0, payload.length).parallel().filter(i -> {
            byte[] changed = payload.clone();
            changed[i] ^= 0x01;
            DsseEnvelope tampered = new DsseEnvelope(envelope.payloadType(), Base64.getEncoder().encodeToString(changed), envelope.signatures());
            return ReleaseManifest.verify(tampered, KEY.publicKey()).valid();
        }).boxed().toList();
        assertEquals(List.of(), accepted, "payload bytes whose change went unnoticed");
        assertTrue(payload.length > 1000, "the whole manifest was covered: " + payload.length + " bytes");
    }

    @Test
    void flippingAnyOneByteOfTheSignatureFailsVerification() {
        DsseEnvelope envelope = ReleaseManifest.of(completed()).sign(KEY);
        byte[] sig = Base64.getDecoder().decode(envelope.signatures().get(0).sig());
        for (int i = 0; i < sig.length; i++) {
            byte[] changed = sig.clone();
            changed[i] ^= 0x01;
            DsseEnvelope tampered = new DsseEnvelope(envelope.payloadType(), envelope.payload(),
                    List.of(new DsseEnvelope.Signature(KEY.keyId(), Base64.getEncoder().encodeToString(changed))));
            ManifestVerification v = ReleaseManifest.verify(tampered, KEY.publicKey());
            assertFalse(v.valid(), "signature byte " + i);
            assertEquals("no signature verifies with key " + KEY.keyId(), v.problem());
        }
    }

    @Test
    void anotherKeyOrPayloadTypeDoesNotVerify() {
        DsseEnvelope envelope = ReleaseManifest.of(completed()).sign(KEY);
        SigningKey other = SigningKey.generate();
        assertEquals("no signature verifies with key " + other.keyId(), ReleaseManifest.verify(envelope, other.publicKey()).problem());
        DsseEnvelope retyped = new DsseEnvelope("application/json", envelope.payload(), envelope.signatures());
        assertEquals("the payload type is not application/vnd.in-toto+json", ReleaseManifest.verify(retyped, KEY.publicKey()).problem());
        assertEquals("the payload type is not application/vnd.in-toto+json", ReleaseManifest.verify(null, KEY.publicKey()).problem());
    }

    @Test
    void aProperlySignedStatementWithAWrongContentHashIsStillRejected() throws Exception {
        ObjectNode s = (ObjectNode) statement(completed());
        ((ObjectNode) s.get("predicate")).put("qa_coverage", 99.9); // edited after hashing, then signed by someone holding the key
        String recomputed = ReleaseManifest.of(with(completed(), "qaCoverage", 99.9)).contentHash();
        assertEquals("content_hash does not match the predicate (recomputed " + recomputed + ")", signedAndVerified(s).problem());
    }

    @Test
    void aSignedStatementMustBeAReleaseManifestWithMatchingSubjectAndApprovals() throws Exception {
        ObjectNode wrongType = (ObjectNode) statement(completed());
        wrongType.put("_type", "https://in-toto.io/Statement/v0.1");
        assertEquals("not an in-toto Statement v1", signedAndVerified(wrongType).problem());
        ObjectNode wrongPredicate = (ObjectNode) statement(completed());
        wrongPredicate.put("predicateType", "https://slsa.dev/provenance/v1");
        assertEquals("the predicate type is not https://studio.dev/release-manifest/v1", signedAndVerified(wrongPredicate).problem());
        ObjectNode noPredicate = (ObjectNode) statement(completed());
        noPredicate.remove("predicate");
        assertEquals("the statement has no predicate", signedAndVerified(noPredicate).problem());
        ObjectNode wrongSubject = (ObjectNode) statement(completed());
        ((ObjectNode) wrongSubject.get("subject").get(0).get("digest")).put("sha256", "0".repeat(64));
        assertEquals("the release subject's sha256 is not the content hash", signedAndVerified(wrongSubject).problem());
        ObjectNode staleApproval = (ObjectNode) statement(completed());
        ((ObjectNode) staleApproval.get("predicate").get("approvals").get(1)).put("content_hash", "0".repeat(64));
        assertEquals("the approval by carol approved other content", signedAndVerified(staleApproval).problem());
        DsseEnvelope garbage = DsseEnvelope.sign(ReleaseManifest.PAYLOAD_TYPE, "not json".getBytes(StandardCharsets.UTF_8), KEY);
        assertEquals("the payload is not JSON", ReleaseManifest.verify(garbage, KEY.publicKey()).problem());
    }

    @Test
    void aManifestListsOnlyApprovalsOfItsOwnContent() {
        ReleaseFacts f = approved();
        List<ReleaseApproval> approvals = new ArrayList<>(f.approvals());
        approvals.set(0, approval("bob", "product-owner", "ok", Instant.parse("2025-05-14T16:40:00Z"), "0".repeat(64)));
        ReleaseManifest stale = ReleaseManifest.of(f.withApprovals(approvals));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, stale::statementJson);
        assertEquals("the approved decision by bob is not an approval of content " + stale.contentHash()
                + "; a manifest lists only the approvals of its content", e.getMessage());
        ReleaseApproval rejection = new ReleaseApproval("carol", "compliance-officer", ReleaseApproval.Decision.REJECTED, "no",
                Instant.parse("2025-05-14T16:58:00Z"), null, stale.contentHash());
        assertThrows(IllegalArgumentException.class, () -> ReleaseManifest.of(requested().withApprovals(List.of(rejection))).statementJson());
    }

    private static ManifestVerification signedAndVerified(JsonNode statement) {
        byte[] bytes = CanonicalJson.canonicalize(statement.toString()).getBytes(StandardCharsets.UTF_8);
        return ReleaseManifest.verify(DsseEnvelope.sign(ReleaseManifest.PAYLOAD_TYPE, bytes, KEY), KEY.publicKey());
    }
}
