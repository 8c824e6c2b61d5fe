package studio.audit;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import studio.web.FormTimes;

/** The timeline's filters as URL parameters, and datetime-local inputs read as UTC. */
class TimelineFiltersTest {

    @Test
    void theQueryKeepsOnlyWhatIsSetEncodedInAFixedOrder() {
        TimelineFilters f = new TimelineFilters("mvp ready", " ", null, "qa-lead", null, "MilestoneBlocked", "2025-05-14T18:35", null);
        assertEquals("milestone=mvp+ready&actor=qa-lead&type=MilestoneBlocked&from=2025-05-14T18%3A35", f.query());
        assertEquals("", TimelineFilters.NONE.query());
    }

    @Test
    void aDatetimeLocalValueIsUtcAndAnInstantIsShownInUtcForTheInput() {
        AuditFilter filter = new TimelineFilters(null, null, null, null, null, null, "2025-05-14T18:35", "2025-05-14T20:35:10+02:00")
                .params(null, null).filter();
        assertAll(() -> assertEquals(Instant.parse("2025-05-14T18:35:00Z"), filter.from()),
                () -> assertEquals(Instant.parse("2025-05-14T18:35:10Z"), filter.to()),
                () -> assertEquals("2025-05-14T18:35:10", FormTimes.inputValue("2025-05-14T20:35:10+02:00")),
                () -> assertEquals("2025-05-14T18:35", FormTimes.inputValue("2025-05-14T18:35")),
                () -> assertNull(FormTimes.inputValue(null)));
    }

    @Test
    void badValuesAreReportedByParameter() {
        InvalidAuditQuery e = assertThrows(InvalidAuditQuery.class,
                () -> new TimelineFilters(null, null, null, null, "boss", null, "yesterday", null).params(null, null).page());
        assertEquals(List.of("from", "role"), e.problems().stream().map(p -> p.path()).sorted().toList());
    }

    @Test
    void theNextPageLinksKeepTheFilters() {
        Timeline t = new Timeline(List.of(), "milestone=sec", "41");
        assertAll(() -> assertEquals("/audit?milestone=sec&after=41", t.moreHref()),
                () -> assertEquals("/audit/entries?milestone=sec&after=41", t.moreFragment()),
                () -> assertNull(new Timeline(List.of(), "", null).moreHref()),
                () -> assertEquals("/audit?after=7", new Timeline(List.of(), "", "7").moreHref()));
    }

    @Test
    void anEntryShowsTheReasonThePrettyPayloadAndASubjectLink() {
        AuditRecord r = new AuditRecord(5, Instant.parse("2025-05-14T18:35:00Z"), "qa-lead", List.of("qa-lead"), "milestone",
                "mvp ready", "MilestoneOverrideRequested", null, "{\"reason\":\"edge <case>\",\"gates\":[\"a\"]}", "0".repeat(64));
        TimelineEntry e = TimelineEntry.of(new AuditEvent(r, "f".repeat(64)));
        TimelineEntry tampered = TimelineEntry.of(new AuditEvent(new AuditRecord(6, r.occurredAt(), "x", List.of(), "system", null,
                "T", null, "not json {", r.prevHash()), "e".repeat(64)));
        assertAll(() -> assertEquals("edge <case>", e.reason()),
                () -> assertEquals("{\n  \"reason\" : \"edge <case>\",\n  \"gates\" : [ \"a\" ]\n}", e.payload()),
                () -> assertEquals("/milestones/mvp%20ready", e.subjectHref()),
                () -> assertEquals("not json {", tampered.payload()), () -> assertNull(tampered.subjectHref()));
    }

    @Test
    void theReasonIsTheTopLevelTextReasonOnly() {
        assertAll(() -> assertEquals("late scan", TimelineEntry.reason("{\"gates\":{\"reason\":\"inner\"},\"n\":[1,{\"reason\":\"x\"}],\"reason\":\"late scan\"}")),
                () -> assertNull(TimelineEntry.reason("{\"detail\":{\"reason\":\"inner only\"}}"), "a nested reason is not the event's"),
                () -> assertNull(TimelineEntry.reason("{\"reason\":42}"), "a reason that is not text"),
                () -> assertNull(TimelineEntry.reason("[\"reason\"]")), () -> assertNull(TimelineEntry.reason("not json {")),
                () -> assertNull(TimelineEntry.reason(null)));
    }
}
