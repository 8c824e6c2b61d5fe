package studio.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static studio.audit.AuditChainFixture.*;

import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import studio.signing.SigningKey;

class ChainVerifierTest {

    private static final int ROWS = 10;
    private static final SigningKey KEY = SigningKey.generate();
    private static final Map<String, PublicKey> KEYS = Map.of(KEY.keyId(), KEY.publicKey());
    private static final Instant SIGNED_AT = Instant.parse("2025-05-15T00:00:00Z");

    private final List<Row> chain = chain(ROWS);

    @Test
    void anIntactChainReportsItsLengthAndHead() {
        ChainVerification result = verify(chain, List.of(checkpoint(chain, 4), checkpoint(chain, ROWS)));
        assertEquals(new ChainVerification.Intact(ROWS, chain.get(ROWS - 1).hash()), result);
        assertTrue(result.valid());
    }

    @Test
    void anEmptyChainIsIntactWithTheGenesisHead() {
        assertEquals(new ChainVerification.Intact(0, AuditHasher.GENESIS), verify(List.of(), List.of()));
    }

    @Test
    void aCheckpointAtRowZeroMustSignTheGenesisHead() {
        AuditCheckpoint genesis = AuditCheckpoint.sign(0, AuditHasher.GENESIS, SIGNED_AT, KEY);
        assertTrue(verify(chain, List.of(genesis)).valid());
        AuditCheckpoint wrong = AuditCheckpoint.sign(0, "f".repeat(64), SIGNED_AT, KEY);
        assertEquals(1, broken(verify(chain, List.of(wrong))).firstBadSeq());
    }

    @Test
    void checkpointsAreCheckedInSeqOrderWhateverOrderTheyAreGiven() {
        assertTrue(verify(chain, List.of(checkpoint(chain, ROWS), checkpoint(chain, 2), checkpoint(chain, 6))).valid());
    }

    @ParameterizedTest(name = "row {0}")
    @ValueSource(ints = {1, 5, ROWS})
    void anAlteredRowIsCaughtByItsOwnHash(int seq) {
        List<Row> rows = replace(chain, seq, altered(chain.get(seq - 1)));
        var broken = broken(verify(rows, List.of()));
        assertEquals(seq, broken.firstBadSeq());
        assertTrue(broken.reason().contains("row " + seq + " was altered"), broken.reason());
    }

    @Test
    void aPayloadStoredInAnotherSpellingOfTheSameDocumentStillVerifies() {
        AuditRecord r = chain.get(4).record();
        AuditRecord respelled = new AuditRecord(r.seq(), r.occurredAt(), r.actor(), r.actorRoles(), r.subjectType(),
                r.subjectId(), r.type(), r.traceId(), "{ \"sprint\" : \"s5\" }", r.prevHash());
        assertTrue(verify(replace(chain, 5, new Row(respelled, chain.get(4).hash())), List.of()).valid());
    }

    @ParameterizedTest(name = "row {0}")
    @ValueSource(ints = {1, 5, ROWS})
    void aPayloadEditedIntoSomethingThatIsNotJsonIsReportedNotThrown(int seq) {
        AuditRecord r = chain.get(seq - 1).record();
        AuditRecord edited = new AuditRecord(r.seq(), r.occurredAt(), r.actor(), r.actorRoles(), r.subjectType(),
                r.subjectId(), r.type(), r.traceId(), "{\"sprint\":", r.prevHash());
        List<Row> rows = replace(chain, seq, new Row(edited, chain.get(seq - 1).hash()));
        var broken = broken(verify(rows, List.of()));
        assertEquals(seq, broken.firstBadSeq());
        assertTrue(broken.reason().contains("row " + seq + " was altered: its payload is not a JSON document"), broken.reason());
    }

    @ParameterizedTest(name = "row {0}")
    @ValueSource(ints = {1, 5, ROWS - 1})
    void anAlteredAndRehashedRowBreaksTheLinkToTheNextRow(int seq) {
        List<Row> rows = replace(chain, seq, alteredAndRehashed(chain.get(seq - 1)));
        var broken = broken(verify(rows, List.of()));
        assertEquals(seq + 1, broken.firstBadSeq());
        assertTrue(broken.reason().contains("prev-hash mismatch"), broken.reason());
    }

    @Test
    void anAlteredAndRehashedNewestRowIsCaughtByTheCheckpointCoveringIt() {
        List<Row> rows = replace(chain, ROWS, alteredAndRehashed(chain.get(ROWS - 1)));
        var broken = broken(verify(rows, List.of(checkpoint(chain, ROWS))));
        assertEquals(ROWS, broken.firstBadSeq());
        assertTrue(broken.reason().contains("differs from the signed checkpoint"), broken.reason());
    }

    @ParameterizedTest(name = "row {0}")
    @ValueSource(ints = {1, 5, 8})
    void aFullyRewrittenHistoryIsCaughtByTheNextCheckpoint(int seq) {
        List<Row> rows = rechain(replace(chain, seq, alteredAndRehashed(chain.get(seq - 1))), seq);
        assertTrue(verify(rows, List.of()).valid(), "a consistent rewrite is invisible without checkpoints");
        var broken = broken(verify(rows, List.of(checkpoint(chain, 8))));
        assertEquals(8, broken.firstBadSeq());
    }

    @ParameterizedTest(name = "row {0}")
    @ValueSource(ints = {1, 5})
    void aDeletedRowIsASeqGap(int seq) {
        List<Row> rows = new ArrayList<>(chain);
        rows.remove(seq - 1);
        var broken = broken(verify(rows, List.of()));
        assertEquals(seq, broken.firstBadSeq());
        assertEquals("row " + seq + " is missing (the next row present is " + (seq + 1) + ")", broken.reason());
    }

    @Test
    void aDeletedRowWhoseSuccessorsWereRenumberedBreaksTheLink() {
        List<Row> rows = new ArrayList<>(chain.subList(0, 4));
        for (Row row : chain.subList(5, ROWS)) rows.add(new Row(withSeq(row.record(), row.record().seq() - 1), row.hash()));
        assertEquals(5, broken(verify(rows, List.of())).firstBadSeq());
    }

    @Test
    void deletingTheNewestRowIsCaughtByACheckpointBeyondTheEnd() {
        var broken = broken(verify(chain.subList(0, ROWS - 1), List.of(checkpoint(chain, ROWS))));
        assertEquals(ROWS, broken.firstBadSeq());
        assertTrue(broken.reason().contains("newest rows were deleted"), broken.reason());
    }

    @Test
    void deletingTheNewestRowsReportsTheFirstMissingOne() {
        var broken = broken(verify(chain.subList(0, 7), List.of(checkpoint(chain, 3), checkpoint(chain, ROWS))));
        assertEquals(8, broken.firstBadSeq());
        assertEquals("the chain ends at row 7 but a signed checkpoint covers row 10: the newest rows were deleted", broken.reason());
    }

    @Test
    void deletingEveryRowIsCaughtByAnyCheckpoint() {
        assertEquals(1, broken(verify(List.of(), List.of(checkpoint(chain, 2)))).firstBadSeq());
    }

    @Test
    void deletingRowsAfterTheLastCheckpointCannotBeSeenAndIsNotClaimedToBe() {
        assertEquals(new ChainVerification.Intact(7, chain.get(6).hash()), verify(chain.subList(0, 7), List.of(checkpoint(chain, 5))));
    }

    @ParameterizedTest(name = "rows {0} and {0}+1")
    @ValueSource(ints = {1, 5, ROWS - 1})
    void rowsFedOutOfOrderAreCaught(int seq) {
        List<Row> rows = new ArrayList<>(chain);
        rows.set(seq - 1, chain.get(seq));
        rows.set(seq, chain.get(seq - 1));
        var broken = broken(verify(rows, List.of()));
        assertEquals(seq, broken.firstBadSeq());
        assertTrue(broken.reason().contains("row " + seq + " is missing"), broken.reason());
    }

    @ParameterizedTest(name = "rows {0} and {0}+1")
    @ValueSource(ints = {1, 5, ROWS - 1})
    void rowsSwappedByRenumberingBreakThePrevHashLink(int seq) {
        Row a = chain.get(seq - 1);
        Row b = chain.get(seq);
        List<Row> rows = new ArrayList<>(chain);
        rows.set(seq - 1, seal(withSeq(b.record(), seq)));
        rows.set(seq, seal(withSeq(a.record(), seq + 1)));
        var broken = broken(verify(rows, List.of()));
        assertEquals(seq, broken.firstBadSeq());
        assertTrue(broken.reason().contains("prev-hash mismatch"), broken.reason());
    }

    @Test
    void aDuplicatedRowIsCaught() {
        List<Row> rows = new ArrayList<>(chain);
        rows.add(5, chain.get(4));
        var broken = broken(verify(rows, List.of()));
        assertEquals(5, broken.firstBadSeq());
        assertTrue(broken.reason().contains("duplicated or out of order"), broken.reason());
    }

    @Test
    void theFirstRowMustStartFromGenesis() {
        List<Row> rows = replace(chain, 1, seal(record(1, "1".repeat(64))));
        assertEquals(1, broken(verify(rows, List.of())).firstBadSeq());
    }

    @ParameterizedTest(name = "checkpoint at row {0}")
    @ValueSource(ints = {1, 5, ROWS})
    void aCheckpointWithAChangedSignatureIsCaughtAtItsRow(int seq) {
        AuditCheckpoint good = checkpoint(chain, seq);
        byte[] sig = Base64.getDecoder().decode(good.signature());
        sig[0] ^= 1;
        AuditCheckpoint forged = new AuditCheckpoint(seq, good.headHash(), good.signedAt(), good.keyId(), Base64.getEncoder().encodeToString(sig));
        var broken = broken(verify(chain, List.of(forged)));
        assertEquals(seq, broken.firstBadSeq());
        assertTrue(broken.reason().contains("invalid signature"), broken.reason());
    }

    @ParameterizedTest(name = "checkpoint at row {0}")
    @ValueSource(ints = {1, 5, ROWS})
    void aCheckpointMovedToAnotherHeadOrRowNoLongerVerifies(int seq) {
        AuditCheckpoint good = checkpoint(chain, seq);
        AuditCheckpoint otherHead = new AuditCheckpoint(seq, "e".repeat(64), good.signedAt(), good.keyId(), good.signature());
        AuditCheckpoint otherTime = new AuditCheckpoint(seq, good.headHash(), good.signedAt().plusSeconds(1), good.keyId(), good.signature());
        assertTrue(broken(verify(chain, List.of(otherHead))).reason().contains("invalid signature"));
        assertTrue(broken(verify(chain, List.of(otherTime))).reason().contains("invalid signature"));
    }

    @Test
    void aCheckpointSignedWithAnUnknownKeyIsRefused() {
        AuditCheckpoint foreign = AuditCheckpoint.sign(5, chain.get(4).hash(), SIGNED_AT, SigningKey.generate());
        var broken = broken(verify(chain, List.of(foreign)));
        assertEquals(5, broken.firstBadSeq());
        assertTrue(broken.reason().contains("unknown key"), broken.reason());
    }

    @Test
    void aCheckpointClaimingAKnownKeyIdButSignedByAnotherKeyIsRefused() {
        AuditCheckpoint foreign = AuditCheckpoint.sign(5, chain.get(4).hash(), SIGNED_AT, SigningKey.generate());
        AuditCheckpoint relabelled = new AuditCheckpoint(5, foreign.headHash(), foreign.signedAt(), KEY.keyId(), foreign.signature());
        assertTrue(broken(verify(chain, List.of(relabelled))).reason().contains("invalid signature"));
    }

    @Test
    void aForgedCheckpointBeyondTheEndIsReportedAsForgedNotAsDeletion() {
        AuditCheckpoint forged = new AuditCheckpoint(20, "e".repeat(64), SIGNED_AT, KEY.keyId(), checkpoint(chain, 2).signature());
        var broken = broken(verify(chain, List.of(forged)));
        assertEquals(20, broken.firstBadSeq());
        assertTrue(broken.reason().contains("invalid signature"), broken.reason());
    }

    @Test
    void theEarliestProblemWins() {
        List<Row> rows = replace(chain, 7, altered(chain.get(6)));
        AuditCheckpoint forged = new AuditCheckpoint(3, chain.get(2).hash(), SIGNED_AT, KEY.keyId(), checkpoint(chain, 2).signature());
        assertEquals(3, broken(verify(rows, List.of(forged))).firstBadSeq());
    }

    @Test
    void acceptStopsAfterTheFirstBreakAndLaterRowsDoNotChangeTheVerdict() {
        ChainVerifier verifier = new ChainVerifier(List.of(), KEYS);
        assertTrue(verifier.accept(chain.get(0).record(), chain.get(0).hash()));
        Row bad = altered(chain.get(1));
        assertFalse(verifier.accept(bad.record(), bad.hash()));
        assertFalse(verifier.accept(chain.get(2).record(), chain.get(2).hash()));
        assertEquals(2, broken(verifier.finish()).firstBadSeq());
    }

    /** One million rows streamed through one verifier; rows are generated on the fly and nothing keeps them. */
    @Test
    void streamsAMillionRows() {
        ChainVerifier verifier = new ChainVerifier(List.of(), KEYS);
        String prev = AuditHasher.GENESIS;
        for (long seq = 1; seq <= 1_000_000; seq++) {
            AuditRecord row = new AuditRecord(seq, Instant.EPOCH, "ci", List.of(), "m", "x", "E", null, null, prev);
            prev = AuditHasher.hash(row);
            assertTrue(verifier.accept(row, prev));
        }
        assertEquals(new ChainVerification.Intact(1_000_000, prev), verifier.finish());
    }

    static AuditCheckpoint checkpoint(List<Row> rows, int seq) {
        return AuditCheckpoint.sign(seq, rows.get(seq - 1).hash(), SIGNED_AT, KEY);
    }

    private static ChainVerification verify(List<Row> rows, List<AuditCheckpoint> checkpoints) {
        ChainVerifier verifier = new ChainVerifier(checkpoints, KEYS);
        for (Row row : rows) {
            if (!verifier.accept(row.record(), row.hash())) break;
        }
        return verifier.finish();
    }

    private static ChainVerification.Broken broken(ChainVerification v) {
        return assertInstanceOf(ChainVerification.Broken.class, v);
    }

    private static List<Row> replace(List<Row> rows, int seq, Row row) {
        List<Row> out = new ArrayList<>(rows);
        out.set(seq - 1, row);
        return out;
    }
}
