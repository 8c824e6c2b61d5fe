package studio.release.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static studio.governance.ApprovalLedgerTest.BOB;
import static studio.governance.ApprovalLedgerTest.HASH;
import static studio.governance.ApprovalLedgerTest.NOW;
import static studio.governance.ApprovalLedgerTest.PRODUCTION;
import static studio.governance.ApprovalLedgerTest.STAGING;
import static studio.governance.ApprovalLedgerTest.approval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import studio.governance.ApprovalLedger;
import studio.governance.ReleaseApproval;
import studio.governance.ReleasePolicy;
import studio.release.Release;
import studio.release.ReleaseFixture;
import studio.release.document.PromotionTriggerConfirmed;
import studio.release.document.ReleaseFacts;
import studio.release.document.ReleaseNotes;
import studio.web.ApiException;

/** One release as the screens show it, its documents' texts and the API's JSON of it, without Quarkus. */
class ReleaseViewTest {

    static final Instant HANDED = Instant.parse("2025-05-14T17:05:00Z");

    static Release release(Instant triggeredAt) {
        Release r = new Release();
        r.id = 1L;
        r.versionTag = "mvp-v1";
        r.milestoneId = "mvp-ready";
        r.environment = "production";
        r.state = "paused_for_approval";
        r.trigger = "manual";
        r.requestedBy = "alice";
        r.contentHash = HASH;
        r.createdAt = ReleaseFixture.CREATED;
        r.stateSince = ReleaseFixture.CREATED;
        r.triggeredAt = triggeredAt;
        return r;
    }

    static ReleaseView view(Release r, ReleaseFacts facts, ReleasePolicy policy, ReleaseApproval... decisions) {
        List<ReleaseApproval> all = List.of(decisions);
        return new ReleaseView(r, facts, policy, all, ApprovalLedger.evaluate(policy, r.requestedBy, all, r.contentHash, NOW));
    }

    @Test
    void theCardsLinksAndFiguresComeFromTheRowAndItsFacts() {
        ReleaseView v = view(release(null), ReleaseFixture.requested(), PRODUCTION, approval(BOB, "product-owner", 5));
        assertEquals("/releases/mvp-v1", v.path());
        assertEquals("/milestones/mvp-ready", v.milestonePath());
        assertEquals("MVP ready", v.milestoneTitle());
        assertEquals("91.3%", v.coverageText());
        assertEquals("1/2", v.approvalCount());
        ReleaseView unnamed = view(release(null), ReleaseFixture.with(ReleaseFixture.requested(), "milestoneName", " "), STAGING);
        assertEquals("mvp-ready", unnamed.milestoneTitle());
        assertEquals("—", unnamed.approvalCount(), "staging needs no approval");
    }

    @Test
    void theManifestAndTheConfirmedTriggerExistOnlyOnceTheReleaseGotThatFar() {
        ReleaseView waiting = view(release(null), ReleaseFixture.requested(), PRODUCTION);
        ApiException unsigned = assertThrows(ApiException.class, waiting::manifest);
        assertEquals(409, unsigned.status());
        assertEquals("release mvp-v1 is Paused for approval; its manifest is signed when CI reports it completed", unsigned.getMessage());
        ApiException notHanded = assertThrows(ApiException.class, () -> ReleaseDocument.PROMOTION_TRIGGER.text(waiting));
        assertEquals("release mvp-v1 is Paused for approval; it was not handed to CI yet", notHanded.getMessage());
        ReleaseView handed = view(release(HANDED), ReleaseFixture.approved(), PRODUCTION);
        assertEquals(PromotionTriggerConfirmed.render(ReleaseFixture.approved(), PRODUCTION, HANDED), ReleaseDocument.PROMOTION_TRIGGER.text(handed));
    }

    @Test
    void theNotesAreTheNotesOfTheFactsAndTheMetadataIsTheApisJsonIndented() throws Exception {
        ReleaseView v = view(release(null), ReleaseFixture.requested(), PRODUCTION, approval(BOB, "product-owner", 5));
        assertEquals(ReleaseNotes.render(ReleaseFixture.requested()), ReleaseDocument.NOTES.text(v));
        String metadata = ReleaseDocument.METADATA.text(v);
        JsonNode json = new ObjectMapper().readTree(metadata);
        assertEquals(ReleaseApiJson.of(v), json);
        assertEquals('\n', metadata.charAt(metadata.length() - 1));
        assertEquals("mvp-v1", json.get("version_tag").asText());
        assertEquals("manual", json.get("trigger").asText());
        assertEquals("1/2", json.get("approval_status").get("approvals").asText());
        assertEquals(false, json.get("approval_status").get("satisfied").asBoolean());
        assertEquals("bob", json.get("decisions").get(0).get("approver").asText());
        assertEquals(true, json.get("decisions").get(0).get("current").asBoolean());
        assertEquals(List.of("deploy-to-production", "tag-git: mvp-v1"),
                List.of(json.get("promotion_targets").get(0).asText(), json.get("promotion_targets").get(1).asText()));
    }

    @Test
    void aPageOfTheApiListsTheReleasesAndWhereTheNextPageStarts() {
        ReleaseView v = view(release(null), ReleaseFixture.requested(), STAGING);
        JsonNode page = ReleaseApiJson.page(new ReleaseListing.Page(List.of(v), "17.1"));
        assertEquals(1, page.get("releases").size());
        assertEquals("mvp-v1", page.get("releases").get(0).get("version_tag").asText());
        assertEquals("17.1", page.get("next").asText());
        assertEquals(true, ReleaseApiJson.page(new ReleaseListing.Page(List.of(), null)).get("next").isNull());
    }
}
