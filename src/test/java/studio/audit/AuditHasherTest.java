package studio.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class AuditHasherTest {

    static final AuditRecord SAMPLE = new AuditRecord(1, Instant.parse("2025-05-14T18:35:00.123456789Z"), "alice",
            List.of("qa-lead", "ci"), "milestone", "mvp-ready", "MilestoneReached", "trace-xyz-123",
            "{ \"qa\": 91.30, \"a\": [1, 2], \"features\": [\"BookingFlow\"] }", AuditHasher.GENESIS);

    @Test
    void genesisIs64Zeros() {
        assertEquals(64, AuditHasher.GENESIS.length());
        assertTrue(AuditHasher.GENESIS.chars().allMatch(c -> c == '0'));
    }

    @Test
    void canonicalFormIsTheDocumentedArray() {
        assertEquals("[1,\"2025-05-14T18:35:00.123456Z\",\"alice\",[\"ci\",\"qa-lead\"],\"milestone\",\"mvp-ready\","
                + "\"MilestoneReached\",\"trace-xyz-123\",{\"a\":[1,2],\"features\":[\"BookingFlow\"],\"qa\":91.3},\""
                + AuditHasher.GENESIS + "\"]", AuditHasher.canonicalForm(SAMPLE));
    }

    /** Expected values computed independently with Python's hashlib over the documented canonical text. */
    @Test
    void hashMatchesAnIndependentSha256OfTheCanonicalForm() {
        assertEquals("f8f606d47cfc1637fd75800cb7d10802d9a4b30203a3c97fd799eff8d70c0ac1", AuditHasher.hash(SAMPLE));
    }

    @Test
    void nullFieldsAndNoPayloadAreWrittenAsNull() {
        AuditRecord bare = new AuditRecord(2, Instant.EPOCH, null, null, null, null, "Note", null, null, "a".repeat(64));
        assertEquals("[2,\"1970-01-01T00:00:00.000000Z\",null,[],null,null,\"Note\",null,null,\"" + "a".repeat(64) + "\"]",
                AuditHasher.canonicalForm(bare));
        assertEquals("2949b2e964f8cba3322bfcf175e137819dcd4f3c55225f73848df4eba5149867", AuditHasher.hash(bare));
    }

    @Test
    void nonAsciiAndEscapesHashAsUtf8() {
        AuditRecord r = new AuditRecord(3, Instant.parse("2025-01-01T00:00:00Z"), "jos\u00e9", List.of(), "s", "id", "T", null,
                "{\"k\":\"line\\nbreak \\\"q\\\" \\u0001 \u00e9\"}", "b".repeat(64));
        assertEquals("78997a340ec3c5219260dc5eb97d9e060636a3b9aa87bc8442915cbe957eaf25", AuditHasher.hash(r));
    }

    @Test
    void hashIsLowercaseHex64() {
        assertTrue(AuditHasher.hash(SAMPLE).matches("[0-9a-f]{64}"));
    }

    @Test
    void everyFieldIsCoveredByTheHash() {
        String original = AuditHasher.hash(SAMPLE);
        List<UnaryOperator<AuditRecord>> changes = List.of(
                r -> with(r, 2, r.occurredAt(), r.actor(), r.actorRoles(), r.subjectId(), r.type(), r.traceId(), r.payloadJson(), r.prevHash()),
                r -> with(r, r.seq(), r.occurredAt().plusNanos(1000), r.actor(), r.actorRoles(), r.subjectId(), r.type(), r.traceId(), r.payloadJson(), r.prevHash()),
                r -> with(r, r.seq(), r.occurredAt(), "mallory", r.actorRoles(), r.subjectId(), r.type(), r.traceId(), r.payloadJson(), r.prevHash()),
                r -> with(r, r.seq(), r.occurredAt(), r.actor(), List.of("qa-lead"), r.subjectId(), r.type(), r.traceId(), r.payloadJson(), r.prevHash()),
                r -> new AuditRecord(r.seq(), r.occurredAt(), r.actor(), r.actorRoles(), "release", r.subjectId(), r.type(), r.traceId(), r.payloadJson(), r.prevHash()),
                r -> with(r, r.seq(), r.occurredAt(), r.actor(), r.actorRoles(), "other", r.type(), r.traceId(), r.payloadJson(), r.prevHash()),
                r -> with(r, r.seq(), r.occurredAt(), r.actor(), r.actorRoles(), r.subjectId(), "MilestoneBlocked", r.traceId(), r.payloadJson(), r.prevHash()),
                r -> with(r, r.seq(), r.occurredAt(), r.actor(), r.actorRoles(), r.subjectId(), r.type(), null, r.payloadJson(), r.prevHash()),
                r -> with(r, r.seq(), r.occurredAt(), r.actor(), r.actorRoles(), r.subjectId(), r.type(), r.traceId(), "{\"qa\":91.4,\"a\":[1,2],\"features\":[\"BookingFlow\"]}", r.prevHash()),
                r -> with(r, r.seq(), r.occurredAt(), r.actor(), r.actorRoles(), r.subjectId(), r.type(), r.traceId(), r.payloadJson(), "1" + r.prevHash().substring(1)));
        for (int i = 0; i < changes.size(); i++) {
            assertNotEquals(original, AuditHasher.hash(changes.get(i).apply(SAMPLE)), "change " + i);
        }
    }

    @Test
    void fieldBoundariesCannotBeShiftedToForgeTheSameHash() {
        AuditRecord a = with(SAMPLE, 1, SAMPLE.occurredAt(), "ab", List.of(), "c", "t", null, null, AuditHasher.GENESIS);
        AuditRecord b = with(SAMPLE, 1, SAMPLE.occurredAt(), "a", List.of(), "bc", "t", null, null, AuditHasher.GENESIS);
        assertNotEquals(AuditHasher.hash(a), AuditHasher.hash(b));
    }

    @Test
    void roleOrderPayloadSpellingAndSubMicrosecondsDoNotChangeTheHash() {
        String original = AuditHasher.hash(SAMPLE);
        AuditRecord same = new AuditRecord(1, Instant.parse("2025-05-14T18:35:00.123456Z"), "alice", List.of("ci", "qa-lead"),
                "milestone", "mvp-ready", "MilestoneReached", "trace-xyz-123",
                "{\"features\":[\"BookingFlow\"],\"a\":[1,2],\"qa\":91.3}", AuditHasher.GENESIS);
        assertEquals(original, AuditHasher.hash(same));
    }

    @Test
    void instantsAreWrittenExactlyAsTheIsoFormatterWritesThemInEveryYear() {
        java.time.format.DateTimeFormatter iso = java.time.format.DateTimeFormatter
                .ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(java.time.ZoneOffset.UTC);
        java.util.Random random = new java.util.Random(42);
        List<Instant> instants = new java.util.ArrayList<>(List.of(Instant.EPOCH, Instant.parse("0000-01-01T00:00:00Z"),
                Instant.parse("9999-12-31T23:59:59.999999999Z"), Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.parse("-0001-12-31T23:59:59.5Z"), Instant.parse("2024-02-29T12:00:00.000010Z")));
        for (int i = 0; i < 10_000; i++) instants.add(Instant.ofEpochSecond(random.nextLong() % 400_000_000_000L, random.nextInt(1_000_000_000)));
        for (Instant at : instants) {
            assertEquals(iso.format(at.truncatedTo(java.time.temporal.ChronoUnit.MICROS)), AuditHasher.instant(at), at.toString());
        }
    }

    @Test
    void hashingThePayloadAsStoredEqualsTheHashOnlyWhenItIsCanonical() {
        AuditRecord canonical = new AuditRecord(1, Instant.EPOCH, "ci", List.of("ci"), "milestone", "m", "T", null,
                "{\"a\":1,\"b\":[1.5]}", AuditHasher.GENESIS);
        AuditRecord respelled = new AuditRecord(1, Instant.EPOCH, "ci", List.of("ci"), "milestone", "m", "T", null,
                "{ \"b\": [1.50], \"a\": 1 }", AuditHasher.GENESIS);
        assertEquals(AuditHasher.hash(canonical), AuditHasher.hashAsStored(canonical));
        assertEquals(AuditHasher.hash(canonical), AuditHasher.hash(respelled));
        assertNotEquals(AuditHasher.hash(respelled), AuditHasher.hashAsStored(respelled));
    }

    @Test
    void instantsAreUtcWithSixFractionDigits() {
        assertEquals("2025-05-14T18:35:00.000000Z", AuditHasher.instant(Instant.parse("2025-05-14T18:35:00Z")));
        assertEquals("2025-05-14T18:35:00.000001Z", AuditHasher.instant(Instant.parse("2025-05-14T18:35:00.000001999Z")));
        assertEquals("1969-12-31T23:59:59.999999Z", AuditHasher.instant(Instant.parse("1969-12-31T23:59:59.9999995Z")));
    }

    @Test
    void aPayloadThatIsNotJsonCannotBeHashed() {
        AuditRecord bad = with(SAMPLE, 1, SAMPLE.occurredAt(), "a", List.of(), "s", "t", null, "{oops", AuditHasher.GENESIS);
        assertThrows(IllegalArgumentException.class, () -> AuditHasher.hash(bad));
    }

    private static AuditRecord with(AuditRecord r, long seq, Instant at, String actor, List<String> roles, String subjectId,
                                    String type, String traceId, String payload, String prev) {
        return new AuditRecord(seq, at, actor, roles, r.subjectType(), subjectId, type, traceId, payload, prev);
    }
}
