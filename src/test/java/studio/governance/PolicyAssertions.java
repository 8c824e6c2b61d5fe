package studio.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.function.Supplier;

final class PolicyAssertions {

    private PolicyAssertions() {}

    static void assertVerdict(int status, String message, Supplier<Verdict> verdict) {
        Verdict v = verdict.get();
        if (status == 0) {
            assertSame(Verdict.ALLOWED, v, () -> "expected allowed, got " + v);
            return;
        }
        Verdict.Refused refused = assertInstanceOf(Verdict.Refused.class, v);
        assertEquals(status, refused.status(), refused.message());
        if (message != null) assertEquals(message, refused.message());
    }
}
