package studio.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studio.milestone.GovernedFixture;
import studio.testing.Html;
import studio.testing.Html.Element;

/**
 * The decision forms ({@code tags/gate-decision.html}, {@code tags/approve-reject.html}) read the same on the milestone
 * page and in the approvals inbox: fields tied to their labels, the CSRF field, htmx on top of plain posts.
 * "sec" waits for the security officer's manual decision; qa-lead asked to override a gate of "gate-c".
 */
@QuarkusTest
class DecisionFormsTest {

    long request;

    @BeforeEach
    void setUp() {
        request = GovernedFixture.overrideOfGateCWithSecBlocked();
    }

    static String page(String path) {
        return given().get(path).then().statusCode(200).extract().asString();
    }

    /** Every label names one field of the page, no id stands twice, and every form that posts carries the CSRF field. */
    static void assertUsable(String html, String path) {
        List<String> ids = Html.carrying(html, "id").stream().map(e -> e.attr("id")).toList();
        assertEquals(ids.size(), new HashSet<>(ids).size(), "ids are unique on " + path + ": " + ids);
        for (Element label : Html.carrying(html, "for")) {
            assertTrue(ids.contains(label.attr("for")), "label '" + label.text().trim() + "' names a field on " + path);
        }
        long posting = Html.elements(html, "form").stream().filter(f -> "post".equals(f.attr("method"))).count();
        long csrf = Html.elements(html, "input").stream().filter(i -> "csrf-token".equals(i.attr("name"))).count();
        assertEquals(posting, csrf, "a CSRF field in every form that posts on " + path);
    }

    static List<Element> buttons(String html, String text) {
        return Html.elements(html, "button").stream().filter(b -> b.text().trim().equals(text)).toList();
    }

    @Test
    @TestSecurity(user = "security-officer", roles = "security-officer")
    void aManualGateIsDecidedWithTheSameFormOnTheMilestonePageAndInTheInbox() {
        for (String path : List.of("/milestones/sec", "/approvals")) {
            String html = page(path);
            List<Element> decisions = Html.elements(html, "input").stream().filter(i -> "decision".equals(i.attr("name"))).toList();
            assertEquals(List.of("approved", "conditional", "rejected"), decisions.stream().map(r -> r.attr("value")).toList(), path);
            assertEquals(List.of("approved"), decisions.stream().filter(r -> r.attr("checked") != null).map(r -> r.attr("value")).toList(),
                    "approval preselected on " + path);
            List<Element> forms = Html.elements(html, "form").stream().filter(f -> String.valueOf(f.attr("action")).endsWith("manualApproval")
                    || String.valueOf(f.attr("action")).endsWith("/decisions")).toList();
            assertEquals(1, forms.size(), path);
            assertEquals(forms.get(0).attr("action"), forms.get(0).attr("hx-post"), "htmx posts where the form posts on " + path);
            assertEquals(1, buttons(html, "Record decision").size(), path);
            assertUsable(html, path);
        }
    }

    @Test
    @TestSecurity(user = "qa-lead-2", roles = "qa-lead")
    void anOverrideIsApprovedOrRejectedWithTheSameFormOnTheMilestonePageAndInTheInbox() {
        for (String path : List.of("/milestones/gate-c", "/approvals")) {
            String html = page(path);
            String decide = path.startsWith("/approvals") ? "/approvals/overrides/" + request : "/milestones/gate-c/overrides/" + request;
            Element approve = buttons(html, "Approve override").get(0);
            assertEquals(decide + "/approve", approve.attr("formaction"), path);
            assertEquals(decide + "/approve", approve.attr("hx-post"), path);
            Element reject = buttons(html, "Reject override").get(0);
            assertEquals(decide + "/reject", reject.attr("formaction"), path);
            assertEquals(decide + "/reject", reject.attr("hx-post"), path);
            assertEquals("Reject override #" + request + "? The requester has to ask again.", reject.attr("hx-confirm"), path);
            assertUsable(html, path);
        }
    }
}
