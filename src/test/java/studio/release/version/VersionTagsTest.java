package studio.release.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VersionTagsTest {

    @ParameterizedTest
    @ValueSource(strings = {"mvp-v1", "v1.0.0", "v1.0.4-mvp", "2025.05.14.2", "1.0.0+trace-xyz-789", "Release_2", "a", "9"})
    void acceptsTagsGitDockerAndUrlsAllTake(String tag) {
        assertEquals(Optional.empty(), VersionTags.problem(tag));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-v1", ".v1", "_v1", "+v1", "mvp v1", "mvp/v1", "v1:latest", "v1~1", "v1^", "ümlaut", "v1\n", "v1;rm -rf"})
    void refusesCharactersOutsideTheSafeAlphabetOrABadFirstCharacter(String tag) {
        String problem = VersionTags.problem(tag).orElseThrow();
        assertTrue(problem.contains("use 1 to 100 letters, digits, '.', '_', '+' or '-', starting with a letter or digit"), problem);
    }

    @Test
    void hundredCharactersAreTheLimit() {
        assertEquals(Optional.empty(), VersionTags.problem("v".repeat(100)));
        assertTrue(VersionTags.problem("v".repeat(101)).isPresent());
    }

    @Test
    void emptyOrMissingTagsAreRefused() {
        assertEquals(Optional.of("a version tag cannot be empty"), VersionTags.problem(""));
        assertEquals(Optional.of("a version tag cannot be empty"), VersionTags.problem(null));
    }

    @Test
    void refusesWhatGitRefusesInsideTheAlphabet() {
        assertEquals(Optional.of("version tag 'v1..2' is not valid: git refuses '..' in a tag"), VersionTags.problem("v1..2"));
        assertEquals(Optional.of("version tag 'v1.' is not valid: git refuses a tag ending in '.' or '.lock'"), VersionTags.problem("v1."));
        assertEquals(Optional.of("version tag 'v1.lock' is not valid: git refuses a tag ending in '.' or '.lock'"), VersionTags.problem("v1.lock"));
        assertEquals(Optional.empty(), VersionTags.problem("v1.locked"));
    }

    @Test
    void theMessageShowsControlCharactersAsQuestionMarksAndCutsLongInput() {
        assertEquals("version tag 'a?b' is not valid: use 1 to 100 letters, digits, '.', '_', '+' or '-', starting with a letter or digit",
                VersionTags.problem("a\u0007b").orElseThrow());
        String problem = VersionTags.problem(" " + "x".repeat(500)).orElseThrow();
        assertTrue(problem.length() < 300, problem);
    }
}
