package studio.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FreezeExceptionPolicyTest {

    static Actor as(String name, String role) {
        return new Actor(name, Set.of(role));
    }

    static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    static FreezeExceptionPolicy.Asked asked(String status, Instant expiresAt, String... approvedBy) {
        return new FreezeExceptionPolicy.Asked(7, "production", "alice", status, expiresAt, List.of(approvedBy));
    }

    static int refused(Verdict v) {
        return ((Verdict.Refused) v).status();
    }

    @Test
    void twoOtherPeopleOfTheEnvironmentsRolesDecideNeverTheOneWhoAskedNorCi() {
        List<String> deciders = FreezeExceptionPolicy.deciders(List.of("product-owner", "compliance-officer"));
        FreezeExceptionPolicy.Asked open = asked("requested", NOW.plusSeconds(3600));
        assertEquals(Verdict.ALLOWED, FreezeExceptionPolicy.decide(as("bob", "product-owner"), open, deciders, NOW));
        assertEquals(403, refused(FreezeExceptionPolicy.decide(as("alice", "product-owner"), open, deciders, NOW)));
        assertEquals(403, refused(FreezeExceptionPolicy.decide(as("carol", "qa-lead"), open, deciders, NOW)));
        assertEquals(403, refused(FreezeExceptionPolicy.decide(as("service-account-studio-ci", "ci"), open, deciders, NOW)));
        assertEquals(403, refused(FreezeExceptionPolicy.ask(as("service-account-studio-ci", "ci"))));
        assertEquals(Verdict.ALLOWED, FreezeExceptionPolicy.ask(as("alice", "qa-lead")));
    }

    @Test
    void aDecidedOrExpiredExceptionOrASecondDecisionBySomeoneWhoApprovedIsAConflict() {
        List<String> deciders = FreezeExceptionPolicy.deciders(List.of("product-owner", "compliance-officer"));
        Actor bob = as("bob", "product-owner");
        assertEquals(new Verdict.Refused(409, "freeze exception 7 was already granted"),
                FreezeExceptionPolicy.decide(bob, asked("granted", NOW.plusSeconds(3600)), deciders, NOW));
        assertEquals(new Verdict.Refused(409, "freeze exception 7 expired at " + NOW),
                FreezeExceptionPolicy.decide(bob, asked("requested", NOW), deciders, NOW));
        assertEquals(409, refused(FreezeExceptionPolicy.decide(bob, asked("requested", NOW.plusSeconds(3600), "bob"), deciders, NOW)));
        assertEquals(Verdict.ALLOWED, FreezeExceptionPolicy.decide(as("dora", "compliance-officer"), asked("requested", NOW.plusSeconds(3600), "bob"),
                deciders, NOW));
        // who asks is judged before where it stands: the asker is told it is not theirs to decide, whatever its state
        assertEquals(403, refused(FreezeExceptionPolicy.decide(as("alice", "product-owner"), asked("granted", NOW), deciders, NOW)));
    }

    @Test
    void anEnvironmentThatNamesNoApproverIsDecidedByProductOwners() {
        assertEquals(List.of("product-owner"), FreezeExceptionPolicy.deciders(List.of()));
    }

    @Test
    void theSecondApprovalGrantsAndOneRejectionEndsIt() {
        assertEquals("requested", FreezeExceptionPolicy.statusAfter(true, 1));
        assertEquals("granted", FreezeExceptionPolicy.statusAfter(true, 2));
        assertEquals("rejected", FreezeExceptionPolicy.statusAfter(false, 1));
    }
}
