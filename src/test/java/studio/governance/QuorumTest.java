package studio.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QuorumTest {

    static final Instant T = Instant.parse("2025-05-15T12:00:00Z");

    static Quorum.Signature sig(String person, String... roles) {
        return new Quorum.Signature(person, Set.of(roles), T);
    }

    @Test
    void twoPeopleOfARoleNeedTwoDifferentPeople() {
        Quorum two = Quorum.of(2, List.of("qa-lead"));
        assertFalse(two.fill(List.of(sig("ann", "qa-lead"))).complete());
        assertFalse(two.fill(List.of(sig("ann", "qa-lead"), sig("ann", "qa-lead"))).complete(), "one person counts once");
        assertTrue(two.fill(List.of(sig("ann", "qa-lead"), sig("bob", "qa-lead"))).complete());
    }

    @Test
    void onePersonHoldingBothRolesFillsOneSeatOnly() {
        Quorum each = Quorum.oneOfEach(List.of("qa-lead", "security-officer"));
        Quorum.Filling one = each.fill(List.of(sig("lee", "qa-lead", "security-officer")));
        assertFalse(one.complete());
        assertEquals(1, one.seated().size());
        assertFalse(each.wouldSeat(one.seated(), sig("lee", "qa-lead", "security-officer")));
        assertTrue(each.wouldSeat(one.seated(), sig("sam", "security-officer")));
    }

    @Test
    void aLaterSignatureMovesAnEarlierOneToAnotherSeatItFits() {
        // lee holds both roles and signed first; sam holds only qa-lead. Lee moves to the security seat, sam takes qa-lead.
        Quorum each = Quorum.oneOfEach(List.of("qa-lead", "security-officer"));
        Quorum.Filling f = each.fill(List.of(sig("lee", "qa-lead", "security-officer"), sig("sam", "qa-lead")));
        assertTrue(f.complete(), f.toString());
        assertEquals(List.of("lee", "sam"), f.seated().stream().map(Quorum.Signature::person).toList());
    }

    @Test
    void aSignatureNoOpenSeatTakesIsUnseated() {
        Quorum one = Quorum.of(1, List.of("qa-lead"));
        Quorum.Filling f = one.fill(List.of(sig("ann", "qa-lead"), sig("bob", "qa-lead"), sig("pat", "product-owner")));
        assertEquals(List.of("ann"), f.seated().stream().map(Quorum.Signature::person).toList());
        assertEquals(List.of("bob", "pat"), f.unseated().stream().map(Quorum.Signature::person).toList());
    }

    @Test
    void describesWhoIsStillNeeded() {
        Quorum q = Quorum.oneOfEach(List.of("qa-lead", "security-officer")).plus(List.of(new Quorum.Seat(List.of("product-owner", "platform-admin"))));
        assertEquals("a security-officer and a product-owner or platform-admin",
                Quorum.describe(q.fill(List.of(sig("ann", "qa-lead"))).open()));
    }

    @Test
    void aQuorumHasAtLeastOneSeatOfAtLeastOneRole() {
        assertThrows(IllegalArgumentException.class, () -> Quorum.of(0, List.of("qa-lead")));
        assertThrows(IllegalArgumentException.class, () -> new Quorum(List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Quorum.Seat(List.of()));
    }
}
