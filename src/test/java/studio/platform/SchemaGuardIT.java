package studio.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The packaged application and its schema: it migrates an empty database by itself, and refuses to start against a
 * schema it did not create (no Flyway history) or one that drifted from what it validates.
 */
class SchemaGuardIT {

    static final String BASE_URL = System.getenv().getOrDefault("STUDIO_TEST_JDBC_URL", "jdbc:postgresql://127.0.0.1:56432/studio_test");
    static final String OIDC = System.getenv().getOrDefault("STUDIO_TEST_OIDC_URL", "http://localhost:18180/realms/studio");
    static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");

    @Test
    void migratesAnEmptyDatabaseThenRefusesADriftedSchema() throws Exception {
        String url = freshDatabase("studio_it_empty");
        try (Studio app = Studio.start(url)) {
            assertTrue(app.ready(), "Studio did not become ready on an empty database:\n" + app.log());
        }
        assertEquals(latestMigration(), text(url, "select max(version::int) from flyway_schema_history where success"));
        assertEquals(1L, count(url, "select count(*) from audit_head"));

        exec(url, "alter table milestone drop column phase");
        try (Studio app = Studio.start(url)) {
            assertTrue(app.exitsWithin(Duration.ofSeconds(90)), "Studio started on a drifted schema");
            assertTrue(app.log().contains("missing column [phase]"), app.log());
        }
    }

    @Test
    void refusesASchemaItDidNotCreate() throws Exception {
        String url = freshDatabase("studio_it_foreign");
        exec(url, "create table milestone (id integer primary key, title text)");
        try (Studio app = Studio.start(url)) {
            assertTrue(app.exitsWithin(Duration.ofSeconds(90)), "Studio started on a schema it did not create");
            assertTrue(app.log().contains("non-empty schema"), app.log());
        }
        assertEquals(0L, count(url, "select count(*) from information_schema.tables where table_name = 'flyway_schema_history'"));
    }

    /** The highest version among the migrations in db/, the one an empty database must end up at. */
    static String latestMigration() throws IOException {
        try (var files = Files.list(Path.of("db"))) {
            return String.valueOf(files.map(f -> f.getFileName().toString())
                    .filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__"))))
                    .max().orElseThrow());
        }
    }

    /** The packaged jar as a separate process, with its own port and log. */
    static final class Studio implements AutoCloseable {
        private final Process process;
        private final Path log;
        private final int port;

        private Studio(Process process, Path log, int port) {
            this.process = process;
            this.log = log;
            this.port = port;
        }

        static Studio start(String jdbcUrl) throws IOException {
            assertTrue(Files.exists(JAR), "package the application first (./mvnw verify runs this after package)");
            int port = freePort();
            Path log = Files.createTempFile("studio-it", ".log");
            Path keys = Files.createTempDirectory("studio-it-keys");
            ProcessBuilder pb = new ProcessBuilder(javaBin(), "-jar", JAR.toString()).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            pb.environment().putAll(Map.of(
                    "QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl,
                    "QUARKUS_DATASOURCE_USERNAME", "studio", "QUARKUS_DATASOURCE_PASSWORD", "studio",
                    "QUARKUS_OIDC_AUTH_SERVER_URL", OIDC,
                    "QUARKUS_HTTP_PORT", Integer.toString(port),
                    "STUDIO_SIGNING_KEY_FILE", keys.resolve("key.pem").toString()));
            return new Studio(pb.start(), log, port);
        }

        boolean ready() throws InterruptedException {
            HttpClient http = HttpClient.newHttpClient();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (System.nanoTime() < deadline && process.isAlive()) {
                try {
                    var r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/health/ready")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200) return true;
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(500);
            }
            return false;
        }

        boolean exitsWithin(Duration limit) throws InterruptedException {
            return process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS) && process.exitValue() != 0;
        }

        String log() {
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

    static String freshDatabase(String name) throws SQLException {
        String admin = BASE_URL.substring(0, BASE_URL.lastIndexOf('/') + 1) + "postgres";
        try (Connection c = DriverManager.getConnection(admin, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name + " with (force)");
            s.execute("create database " + name + " owner studio");
        }
        return BASE_URL.substring(0, BASE_URL.lastIndexOf('/') + 1) + name;
    }

    static void exec(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "studio", "studio"); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static long count(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "studio", "studio"); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    static String text(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "studio", "studio"); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }
}
