package studio.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An event's timeline row is rendered once and reused; an event that reads differently is rendered as it now reads. */
class TimelineRowsTest {

    final List<Long> rendered = new ArrayList<>();
    final TimelineRows rows = new TimelineRows(e -> {
        rendered.add(e.seq());
        return "<li>#" + e.seq() + " " + e.type() + " by " + e.actor() + (e.reason() == null ? "" : " “" + e.reason() + "”") + "</li>";
    });

    static AuditEvent event(long seq, String actor, String payload, String hash) {
        return new AuditEvent(new AuditRecord(seq, Instant.parse("2025-05-14T18:35:00Z"), actor, List.of("qa-lead"), "milestone",
                "mvp", "MilestoneOverrideRequested", null, payload, "0".repeat(64)), hash);
    }

    @Test
    void anEventReadAgainReusesItsRow() {
        var first = rows.row(event(5, "qa-lead", "{\"reason\":\"scan late\"}", "f".repeat(64)));
        var again = rows.row(event(5, "qa-lead", "{\"reason\":\"scan late\"}", "f".repeat(64)));
        assertSame(first, again);
        assertEquals(List.of(5L), rendered);
        assertEquals("<li>#5 MilestoneOverrideRequested by qa-lead “scan late”</li>", again.toString());
        rows.row(event(6, "qa-lead", "{}", "e".repeat(64)));
        assertEquals(List.of(5L, 6L), rendered, "another event has its own row");
    }

    @Test
    void anEventThatNowReadsDifferentlyIsShownAsItReads() {
        rows.row(event(5, "qa-lead", "{\"reason\":\"scan late\"}", "f".repeat(64)));
        assertEquals("<li>#5 MilestoneOverrideRequested by mallory “scan late”</li>",
                rows.row(event(5, "mallory", "{\"reason\":\"scan late\"}", "f".repeat(64))).toString(), "another actor");
        assertEquals("<li>#5 MilestoneOverrideRequested by mallory “all fine”</li>",
                rows.row(event(5, "mallory", "{\"reason\":\"all fine\"}", "f".repeat(64))).toString(), "another payload, same hash");
        assertEquals(3, rendered.size());
    }

    @Test
    void aFullMapStartsAgainEmpty() {
        for (long seq = 1; seq <= TimelineRows.CAPACITY; seq++) rows.row(event(seq, "ci", "{}", "f".repeat(64)));
        assertEquals(TimelineRows.CAPACITY, rows.size());
        rows.row(event(TimelineRows.CAPACITY + 1, "ci", "{}", "f".repeat(64)));
        assertEquals(1, rows.size());
    }
}
