package studio.definition;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import studio.input.Format;

/**
 * The definition examples of the spec documents, kept once as seeds of the parser's fuzz test
 * ({@code spec-*} files; the {@code broken-*} seeds are deliberately invalid).
 */
final class SpecExamples {

    static final Path DIR = Path.of("src/test/resources/studio/definition/DefinitionParserFuzzTestInputs/parseAnyDocument");

    private SpecExamples() {}

    static List<Path> all() {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.filter(p -> p.getFileName().toString().startsWith("spec-")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String prefix) {
        return read(all().stream().filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow());
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static DefinitionSet parse(String prefix) {
        return DefinitionParser.parse(text(prefix), Format.AUTO);
    }
}
