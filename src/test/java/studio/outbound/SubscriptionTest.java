package studio.outbound;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import studio.input.InputProblem;

class SubscriptionTest {

    static List<String> problems(String url, String types) {
        return new Subscription(url, types).problems().stream().map(InputProblem::message).toList();
    }

    @Test
    void httpAndHttpsUrlsWithAHostAreAccepted() {
        assertEquals(List.of(), problems("https://hooks.example.com/studio", ""));
        assertEquals(List.of(), problems("  http://127.0.0.1:8080/hook?team=a  ", null));
    }

    @Test
    void otherUrlsAreRefusedWithTheReason() {
        assertEquals(List.of("a webhook needs a URL"), problems("", ""));
        assertEquals(List.of("the URL must start with http:// or https://"), problems("ftp://example.com/x", ""));
        assertEquals(List.of("the URL must start with http:// or https://"), problems("javascript:alert(1)", ""));
        assertEquals(List.of("the URL must start with http:// or https://"), problems("example.com/hook", ""));
        assertEquals(List.of("the URL must name a host"), problems("https:///hook", ""));
        assertTrue(problems("https://exa mple.com/", "").get(0).startsWith("not a URL"));
        assertTrue(problems("https://user:pw@example.com/", "").get(0).contains("user name or password"));
        assertTrue(problems("https://example.com/#x", "").get(0).contains("fragment"));
        assertTrue(problems("https://example.com/" + "a".repeat(Subscription.MAX_URL_LENGTH), "").get(0).contains("longer than"));
        assertEquals("url", new Subscription("", "").problems().get(0).path());
    }

    @Test
    void anEmptyFilterMeansEveryEventAndNamesAreExact() {
        assertNull(new Subscription("https://x.test/", "  ").filter());
        assertArrayEquals(new String[] {"MilestoneReached", "ReleaseCompleted"},
                new Subscription("https://x.test/", "MilestoneReached, ReleaseCompleted MilestoneReached").filter());
    }

    @Test
    void filterNamesMustBeMilestoneOrReleaseEvents() {
        List<String> p = problems("https://x.test/", "MilestoneReached,SprintClosed,milestone*");
        assertEquals(2, p.size(), p.toString());
        assertTrue(p.get(0).contains("\"SprintClosed\""));
        assertTrue(p.get(1).contains("\"milestone*\""));
    }
}
