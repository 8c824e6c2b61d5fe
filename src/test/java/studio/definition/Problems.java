package studio.definition;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import studio.input.Format;
import studio.input.InputProblem;
import studio.input.InvalidInputException;

/** Test helper: the problems a definitions document is rejected with. */
final class Problems {

    private Problems() {}

    static List<InputProblem> of(String yaml) {
        return assertThrows(InvalidInputException.class, () -> DefinitionParser.parse(yaml, Format.YAML)).problems();
    }

    static InputProblem first(String yaml) {
        return of(yaml).get(0);
    }

    static List<String> messages(String yaml) {
        return of(yaml).stream().map(InputProblem::message).toList();
    }
}
