package studio.bench;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's endpoints are built only with the bench profile (bench/run): in the application as built for
 * production and tests they do not exist, even for an admin, and nothing is appended.
 */
@QuarkusTest
class BenchRoutesTest {

    @Inject
    DataSource db;

    @Test
    @TestSecurity(user = "admin", roles = "platform-admin")
    void theRawBoardBaselineIsNotFound() {
        given().get("/bench/board").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "ci", roles = "ci")
    void theAuditTopUpIsNotFoundAndAppendsNothing() throws SQLException {
        long before = head();
        given().post("/api/bench/audit-top-up?total=" + (before + 1000)).then().statusCode(404);
        assertEquals(before, head(), "the audit head did not move");
    }

    private long head() throws SQLException {
        try (Connection c = db.getConnection(); ResultSet rs = c.createStatement().executeQuery("select seq from audit_head")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
