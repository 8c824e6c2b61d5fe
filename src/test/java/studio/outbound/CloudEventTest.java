package studio.outbound;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import studio.governance.MilestoneEvent;
import studio.release.lifecycle.ReleaseEvent;

class CloudEventTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Instant AT = Instant.parse("2025-05-14T17:12:00Z");

    static ObjectNode data() {
        return JSON.createObjectNode().put("version_tag", "mvp-v1").put("milestone_id", "mvp-ready").put("qa_coverage", 91.3);
    }

    @Test
    void aReleaseEventAsSubscribersReceiveIt() {
        CloudEvent e = CloudEvent.of("outbox-42", "ReleaseCompleted", CloudEvent.releaseSubject("mvp-v1"), AT, data());
        assertEquals("{\"data\":{\"milestone_id\":\"mvp-ready\",\"qa_coverage\":91.3,\"version_tag\":\"mvp-v1\"},"
                + "\"datacontenttype\":\"application/json\",\"id\":\"outbox-42\",\"source\":\"/studio\",\"specversion\":\"1.0\","
                + "\"subject\":\"releases/mvp-v1\",\"time\":\"2025-05-14T17:12:00Z\",\"type\":\"dev.studio.ReleaseCompleted\"}", e.toJson());
        assertArrayEquals(e.toJson().getBytes(StandardCharsets.UTF_8), e.body());
        assertEquals("ReleaseCompleted", e.eventName());
    }

    @Test
    void milestoneEventsHaveMilestoneSubjects() {
        CloudEvent e = CloudEvent.of("7", "MilestoneReached", CloudEvent.milestoneSubject("mvp-ready"), AT, null);
        assertEquals("milestones/mvp-ready", e.subject());
        assertEquals("{}", e.data().toString());
    }

    @ParameterizedTest
    @EnumSource(ReleaseEvent.class)
    void everyReleaseEventHasItsType(ReleaseEvent event) {
        assertEquals("dev.studio." + event.eventName(), CloudEvent.of("1", event.eventName(), "releases/x", AT, null).type());
    }

    @ParameterizedTest
    @EnumSource(MilestoneEvent.class)
    void everyMilestoneEventHasItsType(MilestoneEvent event) {
        assertEquals("dev.studio." + event.eventName(), CloudEvent.of("1", event.eventName(), "milestones/x", AT, null).type());
    }

    @Test
    void theBodyIsTheSameBytesOnEveryDeliveryWhateverTheDataKeyOrder() {
        ObjectNode reordered = JSON.createObjectNode().put("qa_coverage", 91.3).put("milestone_id", "mvp-ready").put("version_tag", "mvp-v1");
        assertEquals(CloudEvent.of("1", "ReleaseCompleted", "releases/mvp-v1", AT, data()).toJson(),
                CloudEvent.of("1", "ReleaseCompleted", "releases/mvp-v1", AT, reordered).toJson());
    }

    @Test
    void theDataIsCopiedSoLaterChangesDoNotAlterTheEvent() {
        ObjectNode data = data();
        CloudEvent e = CloudEvent.of("1", "ReleaseCompleted", "releases/mvp-v1", AT, data);
        String before = e.toJson();
        data.put("qa_coverage", 10);
        assertEquals(before, e.toJson());
    }

    @Test
    void readsBackWhatItWrites() {
        CloudEvent e = CloudEvent.of("outbox-42", "ReleaseFailed", "releases/mvp-v1", AT, data().put("reason", "naïve — “quoted” \n text"));
        assertEquals(e, CloudEvent.parse(e.toJson()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"release completed", "releaseCompleted", "dev.studio.ReleaseCompleted", "", "Release-Completed"})
    void refusesEventNamesThatAreNotEventNames(String name) {
        assertEquals("a Studio event type is dev.studio.<EventName>, not dev.studio." + name,
                assertThrows(IllegalArgumentException.class, () -> CloudEvent.of("1", name, "releases/x", AT, null)).getMessage());
    }

    @Test
    void refusesEventsMissingWhatCloudEventsRequire() {
        assertEquals("a CloudEvent needs an id", assertThrows(IllegalArgumentException.class, () -> CloudEvent.of(" ", "ReleaseCompleted", "s", AT, null)).getMessage());
        assertEquals("a CloudEvent needs a subject", assertThrows(IllegalArgumentException.class, () -> CloudEvent.of("1", "ReleaseCompleted", "", AT, null)).getMessage());
        assertEquals("a CloudEvent needs a time", assertThrows(IllegalArgumentException.class, () -> CloudEvent.of("1", "ReleaseCompleted", "s", null, null)).getMessage());
        assertEquals("a Studio event type is dev.studio.<EventName>, not com.other.ReleaseCompleted",
                assertThrows(IllegalArgumentException.class, () -> new CloudEvent("1", "com.other.ReleaseCompleted", "s", AT, null)).getMessage());
    }

    @Test
    void refusesToReadWhatIsNotAStudioCloudEvent() {
        assertThrows(IllegalArgumentException.class, () -> CloudEvent.parse("not json"));
        assertEquals("a CloudEvent is a JSON object", assertThrows(IllegalArgumentException.class, () -> CloudEvent.parse("[]")).getMessage());
        String good = CloudEvent.of("1", "ReleaseCompleted", "releases/x", AT, null).toJson();
        assertEquals("not a CloudEvents 1.0 event", assertThrows(IllegalArgumentException.class,
                () -> CloudEvent.parse(good.replace("\"specversion\":\"1.0\"", "\"specversion\":\"0.3\""))).getMessage());
        assertEquals("not an event from /studio", assertThrows(IllegalArgumentException.class,
                () -> CloudEvent.parse(good.replace("\"/studio\"", "\"/elsewhere\""))).getMessage());
        assertEquals("time is not an RFC 3339 instant: yesterday", assertThrows(IllegalArgumentException.class,
                () -> CloudEvent.parse(good.replace("2025-05-14T17:12:00Z", "yesterday"))).getMessage());
        assertEquals("a CloudEvent needs an id", assertThrows(IllegalArgumentException.class,
                () -> CloudEvent.parse(good.replace("\"id\":\"1\",", ""))).getMessage());
    }
}
