package studio.input;

/**
 * A value read from a YAML or JSON document that knows where it was written: 1-based line and column of its first
 * character, and its path in the document. One tree type serves both formats.
 */
public sealed interface Node permits MappingNode, SequenceNode, ScalarNode {

    int line();

    int column();

    NodePath nodePath();

    default String path() {
        return nodePath().toString();
    }

    /** A problem located at this value. */
    default InputProblem problem(String message) {
        return new InputProblem(message, line(), column(), path());
    }

    /** What this value is, for messages: "a mapping", "a list", "the number 12", "the string 'x'", "null". */
    String describe();
}
