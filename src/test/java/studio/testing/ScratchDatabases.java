package studio.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Databases of their own for integration tests that start the packaged app, next to the test database. */
public final class ScratchDatabases {

    static final String BASE_URL = System.getenv().getOrDefault("STUDIO_TEST_JDBC_URL", "jdbc:postgresql://127.0.0.1:56432/studio_test");

    private ScratchDatabases() {}

    /** Drops and re-creates the named database (owner studio) on the test cluster; answers its JDBC URL. */
    public static String fresh(String name) throws SQLException {
        String server = BASE_URL.substring(0, BASE_URL.lastIndexOf('/') + 1);
        try (Connection c = DriverManager.getConnection(server + "postgres", "postgres", ""); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name + " with (force)");
            s.execute("create database " + name + " owner studio");
        }
        return server + name;
    }

    public static void exec(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "studio", "studio"); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    public static long count(String url, String sql) throws SQLException {
        return Long.parseLong(text(url, sql));
    }

    public static String text(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "studio", "studio"); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }
}
