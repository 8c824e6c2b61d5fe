package studio.audit;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static studio.audit.AuditChainFixture.chain;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import studio.audit.AuditChainFixture.Row;
import studio.signing.SignedNote;
import studio.signing.SigningKey;

/**
 * Checkpoints as c2sp.org/tlog-checkpoint signed notes, each naming the one before: the note's text, its signature,
 * the chain of checkpoints (a removed, replaced or forked one breaks it) and how far they anchor the trail.
 */
class CheckpointChainTest {

    private static final String ORIGIN = "studio.test/audit";
    private static final SigningKey KEY = SigningKey.generate();
    private static final Map<String, PublicKey> TRUSTED = Map.of(KEY.keyId(), KEY.publicKey());
    private static final Instant AT = Instant.parse("2026-05-01T12:00:00Z");
    private static final int ROWS = 10;

    private final List<Row> chain = chain(ROWS);

    @Test
    void theNoteIsOriginSizeHeadAndThePreviousCheckpointThenOneSignatureLine() {
        AuditCheckpoint first = note(3, null);
        String head = Base64.getEncoder().encodeToString(java.util.HexFormat.of().parseHex(hash(3)));
        String[] lines = first.note().split("\n", -1);
        assertAll(
                () -> assertEquals(ORIGIN, lines[0]),
                () -> assertEquals("3", lines[1]),
                () -> assertEquals(head, lines[2]),
                () -> assertEquals("previous-checkpoint " + Base64.getEncoder().encodeToString(new byte[32]), lines[3]),
                () -> assertEquals("", lines[4]),
                () -> assertTrue(lines[5].startsWith("\u2014 " + ORIGIN + " "), lines[5]),
                () -> assertEquals("", lines[6]),
                () -> assertEquals(7, lines.length));
        assertTrue(SignedNote.parse(first.note()).signedBy(KEY.publicKey()));
        assertTrue(first.signedBy(KEY.publicKey()));
        assertEquals(KEY.keyId(), first.keyId());
    }

    @Test
    void eachCheckpointNamesTheHashOfTheSignedTextBeforeIt() {
        AuditCheckpoint first = note(3, null);
        AuditCheckpoint second = note(7, first);
        byte[] firstText = SignedNote.parse(first.note()).text().getBytes(StandardCharsets.UTF_8);
        assertEquals(Base64.getEncoder().encodeToString(sha256(firstText)), second.previousHash());
        assertEquals(first.hash(), second.previousHash());
        assertEquals(CheckpointNote.NO_PREVIOUS, first.previousHash());
    }

    @Test
    void aNoteVerifiesOnlyForTheSeqAndHeadItStates() {
        AuditCheckpoint good = note(5, null);
        assertFalse(new AuditCheckpoint(6, good.headHash(), AT, good.keyId(), good.signature(), good.note()).signedBy(KEY.publicKey()));
        assertFalse(new AuditCheckpoint(5, hash(4), AT, good.keyId(), good.signature(), good.note()).signedBy(KEY.publicKey()));
        String edited = good.note().replaceFirst("\n5\n", "\n4\n");
        assertFalse(new AuditCheckpoint(4, good.headHash(), AT, good.keyId(), good.signature(), edited).signedBy(KEY.publicKey()));
        assertFalse(good.signedBy(SigningKey.generate().publicKey()));
    }

    @Test
    void aChainOfCheckpointsAnchorsTheTrailUpToTheNewest() {
        AuditCheckpoint a = note(3, null);
        AuditCheckpoint b = note(7, a);
        AuditCheckpoint c = note(ROWS, b);
        assertEquals(new ChainVerification.Intact(ROWS, hash(ROWS)), verify(chain, List.of(c, a, b)));
        assertEquals(ROWS, anchored(chain, List.of(a, b, c)));
        assertEquals(7, anchored(chain, List.of(a, b)), "rows 8-10 are not yet anchored");
        assertEquals(0, anchored(chain, List.of()));
    }

    @Test
    void aRemovedCheckpointBreaksTheLinkOfTheNextOne() {
        AuditCheckpoint a = note(3, null);
        AuditCheckpoint b = note(7, a);
        AuditCheckpoint c = note(ROWS, b);
        var broken = broken(verify(chain, List.of(a, c)));
        assertEquals(ROWS, broken.firstBadSeq());
        assertEquals("checkpoint for row 10 does not follow the checkpoint for row 3: a checkpoint was removed, replaced or forked",
                broken.reason());
        assertTrue(broken(verify(chain, List.of(b, c))).reason().contains("checkpoint for row 7 does not follow from the start"));
    }

    @Test
    void aForkSignedByTheSameKeyIsCaught() {
        AuditCheckpoint a = note(3, null);
        AuditCheckpoint b = note(7, a);
        AuditCheckpoint forkOfB = AuditCheckpoint.signNote(ORIGIN, 7, hash(7), AT.plusSeconds(5), null, KEY);
        AuditCheckpoint c = note(ROWS, b);
        assertNotEquals(b.note(), forkOfB.note());
        var broken = broken(verify(chain, List.of(a, forkOfB, c)));
        assertEquals(7, broken.firstBadSeq());
        assertTrue(broken.reason().contains("removed, replaced or forked"), broken.reason());
    }

    @Test
    void someCheckpointsAloneNeedNotLinkUp() {
        AuditCheckpoint a = note(3, null);
        AuditCheckpoint c = note(ROWS, note(7, a));
        ChainVerifier verifier = new ChainVerifier(List.of(c), TRUSTED, false);
        chain.forEach(r -> verifier.accept(r.record(), r.hash()));
        assertTrue(verifier.finish().valid());
        assertEquals(ROWS, verifier.anchoredSeq());
    }

    @Test
    void aCheckpointFromTheDatabaseSignedByAKeyNobodyTrustedIsRefused() {
        SigningKey planted = SigningKey.generate();
        AuditCheckpoint forged = AuditCheckpoint.signNote(ORIGIN, 5, hash(5), AT, null, planted);
        var broken = broken(verify(chain, List.of(forged)));
        assertEquals(5, broken.firstBadSeq());
        assertTrue(broken.reason().contains("unknown key " + planted.keyId()), broken.reason());
    }

    @Test
    void dsseCheckpointsSignedBeforeNotesStillVerifyAndTheFirstNoteLinksToThem() {
        AuditCheckpoint legacy = AuditCheckpoint.sign(3, hash(3), AT, KEY);
        AuditCheckpoint note = note(ROWS, legacy);
        assertTrue(verify(chain, List.of(legacy, note)).valid());
        assertTrue(broken(verify(chain, List.of(legacy, note(ROWS, null)))).reason().contains("does not follow the checkpoint for row 3"));
    }

    @Test
    void theTailAfterACheckpointIsVerifiedFromItsHead() {
        ChainVerifier tail = ChainVerifier.continuing(6, hash(6));
        chain.subList(6, ROWS).forEach(r -> tail.accept(r.record(), r.hash()));
        assertEquals(new ChainVerification.Intact(ROWS, hash(ROWS)), tail.finish());
        ChainVerifier wrongStart = ChainVerifier.continuing(6, hash(5));
        assertFalse(wrongStart.accept(chain.get(6).record(), chain.get(6).hash()));
    }

    @Test
    void theTextParsesBackAndMalformedTextsAreRefused() {
        CheckpointNote statement = new CheckpointNote(ORIGIN, 42, hash(4), CheckpointNote.NO_PREVIOUS);
        assertEquals(statement, CheckpointNote.parse(statement.text()));
        for (String bad : List.of("", "o\n1\n", "o\n01\nAAAA\n", "o\n1\nAAAA\nprevious-checkpoint AAAA\n",
                statement.text().replace("previous-checkpoint", "prev"), statement.text().replace("\n42\n", "\n-42\n"))) {
            assertThrows(IllegalArgumentException.class, () -> CheckpointNote.parse(bad), bad);
        }
    }

    @Test
    void trailStatusesNameWhatIsAnchored() {
        ChainVerification intact = new ChainVerification.Intact(ROWS, hash(ROWS));
        assertAll(
                () -> assertEquals(TrailVerification.Status.INTACT, new TrailVerification(intact, ROWS).status()),
                () -> assertEquals(TrailVerification.Status.NOT_YET_ANCHORED, new TrailVerification(intact, 7).status()),
                () -> assertEquals(3, new TrailVerification(intact, 7).unanchored()),
                () -> assertEquals(TrailVerification.Status.NOT_YET_ANCHORED, new TrailVerification(intact, 0).status()),
                () -> assertEquals(TrailVerification.Status.EMPTY,
                        new TrailVerification(new ChainVerification.Intact(0, AuditHasher.GENESIS), 0).status()),
                () -> assertEquals(TrailVerification.Status.BROKEN, new TrailVerification(new ChainVerification.Broken(3, "x"), 0).status()),
                () -> assertEquals("not_yet_anchored", TrailVerification.Status.NOT_YET_ANCHORED.json()));
    }

    private AuditCheckpoint note(int seq, AuditCheckpoint previous) {
        return AuditCheckpoint.signNote(ORIGIN, seq, hash(seq), AT, previous, KEY);
    }

    private String hash(int seq) {
        return chain.get(seq - 1).hash();
    }

    private static ChainVerification verify(List<Row> rows, List<AuditCheckpoint> checkpoints) {
        ChainVerifier verifier = new ChainVerifier(checkpoints, TRUSTED);
        for (Row row : rows) {
            if (!verifier.accept(row.record(), row.hash())) break;
        }
        return verifier.finish();
    }

    private static long anchored(List<Row> rows, List<AuditCheckpoint> checkpoints) {
        ChainVerifier verifier = new ChainVerifier(new ArrayList<>(checkpoints), TRUSTED);
        rows.forEach(r -> verifier.accept(r.record(), r.hash()));
        assertTrue(verifier.finish().valid());
        return verifier.anchoredSeq();
    }

    private static ChainVerification.Broken broken(ChainVerification v) {
        return assertInstanceOf(ChainVerification.Broken.class, v);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
