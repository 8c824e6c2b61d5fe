package studio.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Assertions on page text. */
public final class PageText {

    private PageText() {}

    /** Each part occurs in {@code text} after the ones before it. */
    public static void assertOrder(String text, String... parts) {
        int at = -1;
        for (String p : parts) {
            int next = text.indexOf(p, at + 1);
            assertTrue(next > at, p + " after the ones before it");
            at = next;
        }
    }
}
