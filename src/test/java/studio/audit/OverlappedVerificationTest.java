package studio.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static studio.audit.AuditChainFixture.altered;
import static studio.audit.AuditChainFixture.chain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import studio.audit.AuditChainFixture.Row;

/** Verifying on a second thread gives exactly the verdict of verifying inline, batch boundaries or not. */
class OverlappedVerificationTest {

    private static final int ROWS = OverlappedVerification.BATCH * 2 + 500;

    private final List<Row> chain = chain(ROWS);

    @Test
    void anIntactChainOverSeveralBatchesGivesTheInlineVerdict() {
        AuditHead head = new AuditHead(ROWS, chain.get(ROWS - 1).hash());
        assertEquals(inline(head, chain), overlapped(head, chain));
        assertEquals(new ChainVerification.Intact(ROWS, chain.get(ROWS - 1).hash()), overlapped(head, chain));
    }

    @Test
    void anEmptyTrailIsIntact() {
        assertEquals(new ChainVerification.Intact(0, AuditHasher.GENESIS), overlapped(AuditHead.GENESIS, List.of()));
    }

    @Test
    void aBreakAnywhereIsReportedAsInline() {
        for (int seq : new int[] {1, OverlappedVerification.BATCH, OverlappedVerification.BATCH + 1, ROWS}) {
            List<Row> rows = new ArrayList<>(chain);
            rows.set(seq - 1, altered(chain.get(seq - 1)));
            AuditHead head = new AuditHead(ROWS, chain.get(ROWS - 1).hash());
            ChainVerification verdict = overlapped(head, rows);
            assertEquals(inline(head, rows), verdict);
            assertEquals(seq, ((ChainVerification.Broken) verdict).firstBadSeq());
        }
    }

    @Test
    void readingStopsSoonAfterTheChainIsKnownToBeBroken() {
        int total = 200_000;
        long read = 0;
        String prev = AuditHasher.GENESIS;
        try (OverlappedVerification verifier = new OverlappedVerification(new AuditTrailVerifier(AuditHead.GENESIS, List.of(), Map.of()))) {
            for (long seq = 1; seq <= total; seq++) {
                Row row = AuditChainFixture.seal(AuditChainFixture.record(seq, prev));
                prev = row.hash();
                read++;
                Row handed = seq == 1 ? altered(row) : row;
                if (!verifier.accept(new AuditEvent(handed.record(), handed.hash()))) break;
            }
            assertEquals(1, ((ChainVerification.Broken) verifier.finish()).firstBadSeq());
        }
        assertTrue(read < total / 2, "read " + read + " rows after row 1 was found altered");
    }

    @Test
    void closingWithoutFinishingStopsTheVerifyingThread() throws InterruptedException {
        long before = verifyingThreads();
        try (OverlappedVerification verifier = new OverlappedVerification(new AuditTrailVerifier(AuditHead.GENESIS, List.of(), Map.of()))) {
            for (Row row : chain.subList(0, 10)) verifier.accept(new AuditEvent(row.record(), row.hash()));
        }
        for (int i = 0; i < 50 && verifyingThreads() > before; i++) Thread.sleep(100);
        assertEquals(before, verifyingThreads());
    }

    private static long verifyingThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("audit-verification") && t.isAlive()).count();
    }

    private static ChainVerification overlapped(AuditHead head, List<Row> rows) {
        try (OverlappedVerification verifier = new OverlappedVerification(new AuditTrailVerifier(head, List.of(), Map.of()))) {
            for (Row row : rows) {
                if (!verifier.accept(new AuditEvent(row.record(), row.hash()))) break;
            }
            return verifier.finish();
        }
    }

    private static ChainVerification inline(AuditHead head, List<Row> rows) {
        AuditTrailVerifier verifier = new AuditTrailVerifier(head, List.of(), Map.of());
        for (Row row : rows) {
            if (!verifier.accept(new AuditEvent(row.record(), row.hash()))) break;
        }
        return verifier.finish();
    }
}
