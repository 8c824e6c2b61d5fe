package studio.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FreezeExceptionPolicyTest {

    static Actor as(String name, String role) {
        return new Actor(name, Set.of(role));
    }

    @Test
    void twoOtherPeopleOfTheEnvironmentsRolesDecideNeverTheOneWhoAskedNorCi() {
        List<String> deciders = FreezeExceptionPolicy.deciders(List.of("product-owner", "compliance-officer"));
        assertEquals(Verdict.ALLOWED, FreezeExceptionPolicy.decide(as("bob", "product-owner"), 7, "alice", "production", deciders));
        assertEquals(403, ((Verdict.Refused) FreezeExceptionPolicy.decide(as("alice", "product-owner"), 7, "alice", "production", deciders)).status());
        assertEquals(403, ((Verdict.Refused) FreezeExceptionPolicy.decide(as("carol", "qa-lead"), 7, "alice", "production", deciders)).status());
        assertEquals(403, ((Verdict.Refused) FreezeExceptionPolicy.decide(as("service-account-studio-ci", "ci"), 7, "alice", "production", deciders)).status());
        assertEquals(403, ((Verdict.Refused) FreezeExceptionPolicy.ask(as("service-account-studio-ci", "ci"))).status());
        assertEquals(Verdict.ALLOWED, FreezeExceptionPolicy.ask(as("alice", "qa-lead")));
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
