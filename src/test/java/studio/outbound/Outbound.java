package studio.outbound;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import studio.governance.Actor;
import studio.governance.Roles;
import studio.testing.Api;
import studio.testing.TestDb;

/** Shared steps for the outbound tests: a clean queue, a subscriber, and milestone events made through the API. */
final class Outbound {

    static final Actor ADMIN = new Actor("pat", java.util.Set.of(Roles.PLATFORM_ADMIN));

    private Outbound() {}

    /** Each test of a class with {@code @ExtendWith(Outbound.Reset.class)} starts and ends with {@link #reset()}. */
    static final class Reset implements BeforeEachCallback, AfterEachCallback {

        @Override
        public void beforeEach(ExtensionContext context) {
            reset();
        }

        @Override
        public void afterEach(ExtensionContext context) {
            reset();
        }
    }

    /** Empties Studio's tables (outbox and webhooks included) and rewinds the fan-out cursor with the ids. */
    static void reset() {
        TestDb.reset();
        TestDb.exec("update outbox_fanout set through = 0 where id = 1");
    }

    /** A definitions document with milestones {@code prefix}-1 .. {@code prefix}-n; {@code name} changes make MilestoneRedefined. */
    static String milestones(String prefix, int n, String name) {
        return "milestones:\n" + IntStream.rangeClosed(1, n)
                .mapToObj(i -> "  - id: " + prefix + "-" + i + "\n    name: " + name + "\n    gateConditions: [allSprintsClosed]\n")
                .collect(Collectors.joining());
    }

    static void importMilestones(String prefix, int n, String name) {
        Api.importDefinitions(milestones(prefix, n, name)).then().statusCode(200);
    }

    /** The exported audit events about one milestone, oldest first, as event names. */
    static List<String> auditedMilestoneEvents(String milestoneId) {
        return strings("select type from audit_event where subject_type = 'milestone' and subject_id = '" + milestoneId
                + "' and (type like 'Milestone%' or type like 'Release%') order by seq");
    }

    /** The first column of every row, as text. */
    static List<String> strings(String sql) {
        List<String> values = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(TestDb.url(), "studio", "studio"); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            while (r.next()) values.add(r.getString(1));
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    static Actor system() {
        return Actor.SYSTEM;
    }
}
