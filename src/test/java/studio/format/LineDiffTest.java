package studio.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The definition diff a milestone page shows: kept, removed and added lines, and only the changes with their context. */
class LineDiffTest {

    static String shown(List<LineDiff.Line> lines) {
        return String.join("\n", lines.stream().map(l -> l.op() + l.text()).toList());
    }

    @Test
    void aChangedLineIsRemovedThenAdded() {
        assertEquals(" a\n-b\n+B\n c", shown(LineDiff.of("a\nb\nc", "a\nB\nc")));
        assertEquals("+a", shown(LineDiff.of(null, "a")));
        assertEquals("-a", shown(LineDiff.of("a", "")));
    }

    @Test
    void changesKeepOneLineOfContextAndMarkWhatIsLeftOut() {
        String before = "1\n2\n3\n4\n5\n6\n7\n8";
        String after = "1\n2\nthree\n4\n5\n6\n7\neight";
        assertEquals(" 2\n-3\n+three\n 4\n …\n 7\n-8\n+eight", shown(LineDiff.changes(before, after)));
        assertEquals("", shown(LineDiff.changes(before, before)), "no change, nothing shown");
    }
}
