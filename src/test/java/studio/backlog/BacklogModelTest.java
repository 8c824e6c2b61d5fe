package studio.backlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BacklogModelTest {

    @Test
    void cardCursorsReadBack() {
        assertEquals(new CardCursor("P0", "a.b:c"), CardCursor.parse(new CardCursor("P0", "a.b:c").token()));
        assertEquals(new CardCursor(null, "x"), CardCursor.parse(new CardCursor(null, "x").token()));
        assertNull(CardCursor.parse("P1~"));
        assertNull(CardCursor.parse("High~x"));
        assertNull(CardCursor.parse("P1"));
    }

    @Test
    void groupsTotalTheirColumnsAndNameTheUnscheduled() {
        BacklogColumn planned = new BacklogColumn("planned", 30, List.of(), new CardCursor(null, "x"));
        BacklogColumn done = new BacklogColumn("completed", 2, List.of(), null);
        BacklogGroup none = new BacklogGroup(null, null, null, List.of(planned, done));
        assertEquals(32, none.total());
        assertEquals("-", none.key());
        assertEquals("Not required by any milestone", none.title());
        assertTrue(none.unscheduled());
        assertEquals("mvp-ready", new BacklogGroup("mvp-ready", " ", "planned", List.of()).title());
        assertEquals(30, planned.remaining(), "nothing shown yet: all of them remain");
    }

    @Test
    void featureDetailsComeFromTheStoredDefinition() {
        String stored = """
                features:
                  - featureId: Notification.Email.Send
                    title: Email confirmations
                    estimatedEffort: 2
                    agentRoles: [backend-developer, test-generator]
                """;
        FeatureDetails.Details d = FeatureDetails.parse(stored);
        assertEquals(2.0, d.effort());
        assertEquals(List.of("backend-developer", "test-generator"), d.agentRoles());
        assertEquals(FeatureDetails.Details.NONE, new FeatureDetails().of(null));
        assertEquals(FeatureDetails.Details.NONE, FeatureDetails.parse("features: [ {"), "a broken definition shows no details, not an error");
    }
}
