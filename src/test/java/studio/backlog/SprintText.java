package studio.backlog;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Assertions on page text. */
final class SprintText {

    private SprintText() {}

    static void assertOrder(String text, String... parts) {
        int at = -1;
        for (String p : parts) {
            int next = text.indexOf(p, at + 1);
            assertTrue(next > at, p + " after the ones before it");
            at = next;
        }
    }
}
