package studio.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a command line tool (openssl, sh) the way an auditor would, for tests that check Studio's output with it. */
public final class Processes {

    /** How the command ended: its exit code (-1 when it could not start or ran past the limit) and stdout+stderr. */
    public record Result(int exitCode, String output) {}

    private Processes() {
    }

    /** Runs {@code command} in {@code workDir} for at most 30 seconds; never throws. */
    public static Result run(Path workDir, String... command) {
        try {
            Process p = new ProcessBuilder(List.of(command)).directory(workDir.toFile()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, out);
            }
            return new Result(p.exitValue(), out);
        } catch (IOException e) {
            return new Result(-1, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, e.getMessage());
        }
    }
}
