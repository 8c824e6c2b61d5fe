package studio.sprint;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import studio.testing.TestDb;

/** Rows of the test database, for comparing a page with the order the database itself gives. */
final class TestDbRows {

    private TestDbRows() {}

    static List<Object[]> rows(String sql) {
        try (Connection c = DriverManager.getConnection(TestDb.url(), "studio", "studio");
             Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            List<Object[]> out = new ArrayList<>();
            int n = r.getMetaData().getColumnCount();
            while (r.next()) {
                Object[] row = new Object[n];
                for (int i = 0; i < n; i++) row[i] = r.getObject(i + 1);
                out.add(row);
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
