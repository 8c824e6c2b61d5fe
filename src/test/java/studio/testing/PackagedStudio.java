package studio.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged application (target/quarkus-app) as a separate process with its own port, log and signing key:
 * what integration tests start when they need a real restart, a crash or a second instance.
 */
public final class PackagedStudio implements AutoCloseable {

    public static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    public static final String OIDC = System.getenv().getOrDefault("STUDIO_TEST_OIDC_URL", "http://localhost:18180/realms/studio");

    private final Process process;
    private final Path log;
    private final int port;

    private PackagedStudio(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    public static PackagedStudio start(String jdbcUrl) throws IOException {
        return start(jdbcUrl, Map.of());
    }

    /** Starts the jar against the database; {@code env} adds or overrides environment variables (Quarkus config). */
    public static PackagedStudio start(String jdbcUrl, Map<String, String> env) throws IOException {
        assertTrue(Files.exists(JAR), "package the application first (./mvnw verify runs integration tests after package)");
        int port = freePort();
        Path log = Files.createTempFile("studio-it", ".log");
        Path keys = Files.createTempDirectory("studio-it-keys");
        ProcessBuilder pb = new ProcessBuilder(javaBin(), "-jar", JAR.toString()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> all = new HashMap<>(Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl,
                "QUARKUS_DATASOURCE_USERNAME", "studio", "QUARKUS_DATASOURCE_PASSWORD", "studio",
                "QUARKUS_OIDC_AUTH_SERVER_URL", OIDC,
                "QUARKUS_HTTP_PORT", Integer.toString(port),
                "STUDIO_SIGNING_KEY_FILE", keys.resolve("key.pem").toString(),
                // demo credentials and a generated key: the prod profile would (rightly) refuse them
                "QUARKUS_PROFILE", "demo",
                // the tests' webhook receivers listen on this machine
                "STUDIO_WEBHOOKS_ALLOWED_HOSTS", "127.0.0.1"));
        all.putAll(env);
        pb.environment().putAll(all);
        return new PackagedStudio(pb.start(), log, port);
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /** Waits up to two minutes for the readiness check; false when it never came or the process died. */
    public boolean ready() throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                var r = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) return true;
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        return false;
    }

    /** True when the process ends with a failure status within the limit (it refused to start). */
    public boolean exitsWithin(Duration limit) throws InterruptedException {
        return process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS) && process.exitValue() != 0;
    }

    /** SIGKILL: no shutdown hooks, no graceful close of transactions or connections. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
