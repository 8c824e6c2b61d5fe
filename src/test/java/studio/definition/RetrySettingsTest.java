package studio.definition;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import studio.input.Format;
import studio.input.InputProblem;

/** maxRetries and retryCooldownSeconds: read with their line and field when wrong, written back, and judged as loosening only when they loosen. */
class RetrySettingsTest {

    private static final DefinitionDefaults DEFAULTS = new DefinitionDefaults(90, true, true, false, 300, true);

    private static MilestoneDefinition read(String extra) {
        return DefinitionParser.parse("milestones:\n  - id: m\n    governedBy: qa-lead\n" + extra, Format.YAML).milestones().get(0);
    }

    @Test
    void readWithDefaultsWhenUnsaid() {
        MilestoneDefinition d = read("    retryOnFailure: true\n    maxRetries: 3\n    retryCooldownSeconds: 30\n");
        assertEquals(3, d.maxRetries());
        assertEquals(30, d.retryCooldownSeconds());
        assertEquals(3, d.effectiveTimerRetries(DEFAULTS));
        MilestoneDefinition unsaid = read("");
        assertEquals(null, unsaid.maxRetries());
        assertEquals(0, unsaid.effectiveMaxRetries(DEFAULTS), "the built-in default: the timer never retries");
        assertEquals(60, unsaid.effectiveRetryCooldownSeconds(DEFAULTS));
        assertEquals(0, read("    retryOnFailure: false\n    maxRetries: 3\n").effectiveTimerRetries(DEFAULTS), "retries need retryOnFailure");
    }

    @Test
    void badValuesAreRefusedWithLineAndField() {
        assertEquals(new InputProblem("maxRetries -1 is not between 0 and 100", 3, 17, "$.milestones[0].maxRetries"),
                Problems.first("milestones:\n  - id: m-1\n    maxRetries: -1\n"));
        assertEquals("maxRetries 101 is not between 0 and 100", Problems.first("milestones:\n  - id: m-1\n    maxRetries: 101\n").message());
        assertEquals("'maxRetries' must be a whole number, found 1.5", Problems.first("milestones:\n  - id: m-1\n    maxRetries: 1.5\n").message());
        assertEquals("'retryCooldownSeconds' must be a number, found the string 'soon'",
                Problems.first("milestones:\n  - id: m-1\n    retryCooldownSeconds: soon\n").message());
        assertEquals(new InputProblem("retryCooldownSeconds -5 must be at least 0", 3, 27, "$.milestones[0].retryCooldownSeconds"),
                Problems.first("milestones:\n  - id: m-1\n    retryCooldownSeconds: -5\n"));
    }

    @Test
    void theWriterRoundTripsThem() {
        DefinitionSet set = DefinitionParser.parse("milestones:\n  - id: m\n    retryOnFailure: true\n    maxRetries: 2\n    retryCooldownSeconds: 0\n",
                Format.YAML);
        String yaml = DefinitionWriter.toYaml(set);
        assertEquals("milestones:\n  - id: m\n    retryOnFailure: true\n    maxRetries: 2\n    retryCooldownSeconds: 0\n", yaml);
        assertEquals(set, DefinitionParser.parse(yaml, Format.YAML));
    }

    @Test
    void moreRetriesLoosenFewerOrNoneTighten() {
        MilestoneDefinition three = read("    maxRetries: 3\n");
        assertEquals(List.of("raises the timer's retries of a blocked milestone from 3 to 5"),
                Weakenings.of(three, read("    maxRetries: 5\n"), DEFAULTS));
        assertEquals(List.of("raises the timer's retries of a blocked milestone from 0 to 3"), Weakenings.of(read(""), three, DEFAULTS));
        assertEquals(List.of(), Weakenings.of(three, read("    maxRetries: 1\n"), DEFAULTS), "fewer retries end it sooner: stricter");
        assertEquals(List.of(), Weakenings.of(three, read(""), DEFAULTS), "no retries: the gate timeout hands it to its governors");
        assertEquals(List.of(), Weakenings.of(three, read("    maxRetries: 3\n    retryOnFailure: false\n"), DEFAULTS));
        assertEquals(List.of(), Weakenings.of(three, read("    maxRetries: 3\n    retryCooldownSeconds: 5\n"), DEFAULTS),
                "a shorter cool-down gives no more retries");
    }
}
