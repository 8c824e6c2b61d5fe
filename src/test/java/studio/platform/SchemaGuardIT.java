package studio.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import studio.testing.PackagedStudio;
import studio.testing.ScratchDatabases;

/**
 * The packaged application and its schema: it migrates an empty database by itself, and refuses to start against a
 * schema it did not create (no Flyway history) or one that drifted from what it validates.
 */
class SchemaGuardIT {

    @Test
    void migratesAnEmptyDatabaseThenRefusesADriftedSchema() throws Exception {
        String url = ScratchDatabases.fresh("studio_it_empty");
        try (PackagedStudio app = PackagedStudio.start(url)) {
            assertTrue(app.ready(), "Studio did not become ready on an empty database:\n" + app.log());
        }
        assertEquals(latestMigration(), ScratchDatabases.text(url, "select max(version::int) from flyway_schema_history where success"));
        assertEquals(1L, ScratchDatabases.count(url, "select count(*) from audit_head"));

        ScratchDatabases.exec(url, "alter table milestone drop column phase");
        try (PackagedStudio app = PackagedStudio.start(url)) {
            assertTrue(app.exitsWithin(Duration.ofSeconds(90)), "Studio started on a drifted schema");
            assertTrue(app.log().contains("missing column [phase]"), app.log());
        }
    }

    @Test
    void refusesASchemaItDidNotCreate() throws Exception {
        String url = ScratchDatabases.fresh("studio_it_foreign");
        ScratchDatabases.exec(url, "create table milestone (id integer primary key, title text)");
        try (PackagedStudio app = PackagedStudio.start(url)) {
            assertTrue(app.exitsWithin(Duration.ofSeconds(90)), "Studio started on a schema it did not create");
            assertTrue(app.log().contains("non-empty schema"), app.log());
        }
        assertEquals(0L, ScratchDatabases.count(url, "select count(*) from information_schema.tables where table_name = 'flyway_schema_history'"));
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
}
