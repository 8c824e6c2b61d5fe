package studio.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static studio.release.ReleaseFixture.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import studio.governance.ReleaseEnvironment;
import studio.governance.ReleasePolicy;
import studio.release.document.PromotionTriggerConfirmed;
import studio.release.document.ReleaseFacts;
import studio.release.document.ReleaseHistoryCsv;
import studio.release.document.ReleaseManifest;
import studio.release.document.ReleaseMetadata;
import studio.release.lifecycle.ReleaseState;

/** release-metadata.json, release-history.csv and promotion-trigger-confirmed.yaml. */
class ReleaseDocumentsTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final YAMLMapper YAML = new YAMLMapper();

    @Test
    void releaseMetadataHasTheSpecsFieldsInItsOrderThenEnvironmentStatusAndApprovals() throws Exception {
        String text = ReleaseMetadata.render(completed());
        JsonNode doc = JSON.readTree(text);
        String hash = ReleaseManifest.of(completed()).contentHash();
        assertEquals(JSON.readTree("""
                {"milestone_id":"mvp-ready","version_tag":"mvp-v1","trace_id":"trace-xyz-789","released_at":"2025-05-14T17:12:00Z",
                 "features":["BookingFlow","Notification.Send"],"sprint_ids":["sprint-06","sprint-07"],"qa_coverage":91.3,"git_tag":"mvp-v1",
                 "docker_images":["booking-service:1.0.0-mvp","notify:1.0.0-mvp@sha256:%s"],"environment":"production","status":"completed",
                 "approvals":[{"approved_by":"bob","role":"product-owner","reason":"Scope matches the MVP plan","timestamp":"2025-05-14T16:40:00Z","content_hash":"%s"},
                              {"approved_by":"carol","role":"compliance-officer","reason":"Audit trail verified","timestamp":"2025-05-14T16:58:00Z","content_hash":"%s"}]}
                """.formatted(NOTIFY_DIGEST, hash, hash)), doc);
        List<String> order = new ArrayList<>();
        doc.fieldNames().forEachRemaining(order::add);
        assertEquals(List.of("milestone_id", "version_tag", "trace_id", "released_at", "features", "sprint_ids", "qa_coverage", "git_tag",
                "docker_images", "environment", "status", "approvals"), order);
        assertEquals('\n', text.charAt(text.length() - 1));
    }

    @Test
    void releaseMetadataWritesUnknownValuesAsNull() throws Exception {
        ReleaseFacts f = with(with(with(requested(), "traceId", null), "qaCoverage", null), "state", null);
        JsonNode doc = JSON.readTree(ReleaseMetadata.render(f));
        assertEquals(true, doc.get("released_at").isNull());
        assertEquals(true, doc.get("trace_id").isNull());
        assertEquals(true, doc.get("qa_coverage").isNull());
        assertEquals(true, doc.get("status").isNull());
        assertEquals(0, doc.get("approvals").size());
        assertEquals(0, doc.get("docker_images").size());
    }

    @Test
    void releaseHistoryIsRfc4180OldestFirst() {
        ReleaseFacts failed = with(with(with(with(with(requested(), "versionTag", "v0.9.2"), "milestoneId", "auth-preview"),
                "createdAt", Instant.parse("2025-05-08T13:00:00Z")), "state", ReleaseState.FAILED), "qaCoverage", 87.6);
        ReleaseFacts hostile = with(with(with(requested(), "versionTag", "v0.9.3"), "requestedBy", "o'brien, \"the\" lead\r\nsecond line"),
                "createdAt", Instant.parse("2025-05-09T09:00:00Z"));
        assertEquals(""
                + "version_tag,milestone_id,environment,status,qa_coverage,requested_by,created_at,released_at,trace_id,git_tag,approved_by\r\n"
                + "v0.9.2,auth-preview,production,failed,87.6,alice,2025-05-08T13:00:00Z,,trace-xyz-789,v0.9.2,\r\n"
                + "v0.9.3,mvp-ready,production,paused_for_approval,91.3,\"o'brien, \"\"the\"\" lead\r\nsecond line\",2025-05-09T09:00:00Z,,"
                + "trace-xyz-789,v0.9.3,\r\n"
                + "mvp-v1,mvp-ready,production,completed,91.3,alice,2025-05-14T16:30:00Z,2025-05-14T17:12:00Z,trace-xyz-789,mvp-v1,"
                + "bob (product-owner); carol (compliance-officer)\r\n",
                ReleaseHistoryCsv.csv(List.of(completed(), hostile, failed)));
    }

    @Test
    void aHistoryRowAppendsToTheFile() {
        assertEquals("mvp-v1,mvp-ready,production,completed,91.3,alice,2025-05-14T16:30:00Z,2025-05-14T17:12:00Z,trace-xyz-789,mvp-v1,"
                + "bob (product-owner); carol (compliance-officer)\r\n", ReleaseHistoryCsv.row(completed()));
        assertEquals("version_tag,milestone_id,environment,status,qa_coverage,requested_by,created_at,released_at,trace_id,git_tag,approved_by\r\n",
                ReleaseHistoryCsv.csv(List.of()));
        assertEquals("\"=1+2,\"", ReleaseHistoryCsv.field("=1+2,"));
        assertEquals("=1+2", ReleaseHistoryCsv.field("=1+2"));
    }

    @Test
    void promotionTriggerConfirmedMirrorsTheTriggerWithResolvedFields() {
        ReleaseFacts f = approved();
        String hash = ReleaseManifest.of(f).contentHash();
        assertEquals("""
                milestone_id: mvp-ready
                version_tag: mvp-v1
                trace_id: trace-xyz-789
                promotion_targets:
                - deploy-to-production
                - tag-git: mvp-v1
                manualApprovalRequired: true
                approvalRoles:
                - product-owner
                - compliance-officer
                signedBy:
                - product-owner
                - compliance-officer
                environment: production
                requested_by: alice
                approved_by:
                - bob
                - carol
                sprint_ids:
                - sprint-06
                - sprint-07
                qa_coverage: 91.3
                commit: %s
                content_hash: %s
                status: confirmed
                confirmed_at: "2025-05-14T17:00:00Z"
                """.formatted(COMMIT, hash), PromotionTriggerConfirmed.render(f, ReleasePolicy.defaultFor(ReleaseEnvironment.PRODUCTION),
                Instant.parse("2025-05-14T17:00:00Z")));
    }

    @Test
    void theConfirmedTargetsCarryTheResolvedTagAndADeployToTheEnvironment() throws Exception {
        ReleaseFacts f = with(with(requested(), "versionTag", "v1.0.4-mvp"), "promotionTargets", List.of("tag-git: mvp-v1", "notify: teams, email"));
        f = with(f, "environment", ReleaseEnvironment.STAGING);
        JsonNode doc = YAML.readTree(PromotionTriggerConfirmed.render(f, ReleasePolicy.defaultFor(ReleaseEnvironment.STAGING), Instant.EPOCH));
        assertEquals(JSON.readTree("[\"deploy-to-staging\",{\"tag-git\":\"v1.0.4-mvp\"},{\"notify\":\"teams, email\"}]"), doc.get("promotion_targets"));
        assertEquals(false, doc.get("manualApprovalRequired").asBoolean());
        assertEquals(0, doc.get("approvalRoles").size());
        ReleaseFacts none = with(requested(), "promotionTargets", List.of());
        JsonNode added = YAML.readTree(PromotionTriggerConfirmed.render(none, ReleasePolicy.defaultFor(ReleaseEnvironment.PRODUCTION), Instant.EPOCH));
        assertEquals(JSON.readTree("[\"deploy-to-production\",{\"tag-git\":\"mvp-v1\"}]"), added.get("promotion_targets"));
    }

    @Test
    void textsThatLookLikeYamlStayTexts() throws Exception {
        ReleaseFacts f = with(with(requested(), "sprintIds", List.of("yes", "null", "# comment", "- x: y", "1e3", "'quoted'", "0x1F", ".5", "2025-05-14", "~", "-1", "+1", "")),
                "requestedBy", "line one\nline two: {x}");
        JsonNode doc = YAML.readTree(PromotionTriggerConfirmed.render(f, ReleasePolicy.defaultFor(ReleaseEnvironment.PRODUCTION), Instant.EPOCH));
        assertEquals(JSON.readTree("[\"yes\",\"null\",\"# comment\",\"- x: y\",\"1e3\",\"'quoted'\",\"0x1F\",\".5\",\"2025-05-14\",\"~\",\"-1\",\"+1\",\"\"]"), doc.get("sprint_ids"));
        assertEquals("line one\nline two: {x}", doc.get("requested_by").asText());
    }
}
