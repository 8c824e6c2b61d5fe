package studio.evidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The evidence examples of the spec documents, kept once as seeds of {@link EvidenceFuzzTest}. */
final class Seeds {

    private static final Path DIR = Path.of("src/test/resources/studio/evidence/EvidenceFuzzTestInputs");

    private Seeds() {}

    /** The {@code spec-*} seeds of one fuzz method. */
    static List<Path> specExamples(String method) {
        try (Stream<Path> files = Files.list(DIR.resolve(method))) {
            return files.filter(p -> p.getFileName().toString().startsWith("spec-")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(String method, String file) {
        return read(DIR.resolve(method).resolve(file));
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
