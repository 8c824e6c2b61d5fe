package studio.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static studio.audit.AuditChainFixture.chain;

import java.security.PublicKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import studio.audit.AuditChainFixture.Row;
import studio.signing.SigningKey;

/** The stored trail: chain and checkpoints as ChainVerifier checks them, plus the head audit_head recorded. */
class AuditTrailVerifierTest {

    private static final SigningKey KEY = SigningKey.generate();
    private static final Map<String, PublicKey> KEYS = Map.of(KEY.keyId(), KEY.publicKey());
    private static final int ROWS = 10;

    private final List<Row> chain = chain(ROWS);

    @Test
    void aTrailThatReachesItsHeadIsIntact() {
        assertEquals(new ChainVerification.Intact(ROWS, hash(ROWS)), verify(head(ROWS), chain, List.of()));
    }

    @Test
    void rowsAppendedAfterTheHeadWasReadSimplyExtendTheChain() {
        assertEquals(new ChainVerification.Intact(ROWS, hash(ROWS)), verify(head(7), chain, List.of()));
    }

    @Test
    void theGenesisHeadChecksNothing() {
        assertEquals(new ChainVerification.Intact(0, AuditHasher.GENESIS), verify(AuditHead.GENESIS, List.of(), List.of()));
        assertTrue(verify(AuditHead.GENESIS, chain, List.of()).valid());
    }

    @Test
    void aChainThatStopsShortOfItsHeadLostItsNewestRows() {
        var broken = broken(verify(head(ROWS), chain.subList(0, 7), List.of()));
        assertEquals(8, broken.firstBadSeq());
        assertEquals("the chain ends at row 7 but the audit head records row 10: the newest rows were deleted", broken.reason());
        assertEquals(1, broken(verify(head(ROWS), List.of(), List.of())).firstBadSeq());
    }

    @Test
    void aHeadWhoseHashTheChainDoesNotPassThroughMeansHistoryWasRewritten() {
        var broken = broken(verify(new AuditHead(7, "f".repeat(64)), chain, List.of()));
        assertEquals(7, broken.firstBadSeq());
        assertTrue(broken.reason().contains("history up to row 7 was rewritten"), broken.reason());
    }

    @Test
    void theChainsOwnVerdictComesFirst() {
        List<Row> altered = new java.util.ArrayList<>(chain);
        altered.set(2, AuditChainFixture.altered(chain.get(2)));
        assertEquals(3, broken(verify(head(ROWS), altered, List.of())).firstBadSeq());
        AuditCheckpoint beyond = AuditCheckpoint.sign(ROWS, hash(ROWS), Instant.EPOCH, KEY);
        var truncated = broken(verify(head(7), chain.subList(0, 7), List.of(beyond)));
        assertTrue(truncated.reason().contains("signed checkpoint covers row 10"), truncated.reason());
    }

    private ChainVerification verify(AuditHead head, List<Row> rows, List<AuditCheckpoint> checkpoints) {
        AuditTrailVerifier verifier = new AuditTrailVerifier(head, checkpoints, KEYS);
        for (Row row : rows) {
            if (!verifier.accept(new AuditEvent(row.record(), row.hash()))) break;
        }
        return verifier.finish();
    }

    private AuditHead head(int seq) {
        return new AuditHead(seq, hash(seq));
    }

    private String hash(int seq) {
        return chain.get(seq - 1).hash();
    }

    private static ChainVerification.Broken broken(ChainVerification v) {
        return assertInstanceOf(ChainVerification.Broken.class, v);
    }
}
