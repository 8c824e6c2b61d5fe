package studio.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import studio.testing.PackagedStudio;

/**
 * The benchmark's endpoints are compiled only by the bench profile (bench/run): the application jar that package and
 * verify make, the one that ships and that ./studio run starts, holds no class of studio.bench.
 */
class ProductionJarIT {

    @Test
    void theApplicationJarHoldsNoBenchmarkClass() throws IOException {
        List<Path> jars;
        try (Stream<Path> app = Files.list(PackagedStudio.JAR.resolveSibling("app"))) {
            jars = app.filter(p -> p.toString().endsWith(".jar")).toList();
        }
        assertFalse(jars.isEmpty(), "package the application first");
        for (Path jar : jars) {
            try (JarFile j = new JarFile(jar.toFile())) {
                assertTrue(j.getEntry("studio/milestone/Board.class") != null, jar + " is Studio's application jar");
                assertEquals(List.of(), j.stream().map(e -> e.getName()).filter(n -> n.startsWith("studio/bench/")).toList(),
                        jar + " holds benchmark classes");
            }
        }
    }

    @Test
    void theCompiledClassesHoldNoBenchmarkClass() throws IOException {
        Path classes = Path.of("target", "classes", "studio");
        assertTrue(Files.isDirectory(classes.resolve("milestone")), "compile the application first");
        try (Stream<Path> all = Files.walk(classes)) {
            assertEquals(List.of(), all.filter(p -> p.startsWith(classes.resolve("bench")) && p.toString().endsWith(".class")).toList());
        }
    }
}
