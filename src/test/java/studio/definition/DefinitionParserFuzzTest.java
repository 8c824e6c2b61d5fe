package studio.definition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import studio.input.Format;
import studio.input.InvalidInputException;

/**
 * Any text either parses into definitions that re-import from their own export, or is rejected with
 * {@link InvalidInputException}; nothing else escapes. {@code ./mvnw test} replays the seeds under
 * {@code DefinitionParserFuzzTestInputs/parseAnyDocument/}: every spec example and broken variants.
 */
class DefinitionParserFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void parseAnyDocument(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        DefinitionSet set;
        try {
            set = DefinitionParser.parse(text, Format.AUTO);
        } catch (InvalidInputException rejected) {
            assertFalse(rejected.problems().isEmpty());
            return;
        }
        set.unresolvedReferences(KnownIds.NONE);
        assertEquals(set, DefinitionParser.parse(DefinitionWriter.toYaml(set), Format.YAML));
    }
}
