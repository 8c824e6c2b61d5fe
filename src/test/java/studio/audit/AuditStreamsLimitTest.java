package studio.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static studio.audit.TestIdentities.asTestIdentity;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studio.governance.Roles;
import studio.testing.CsrfForms;

/**
 * Exports and verifications stream the whole trail, so only {@code studio.audit.max-concurrent-streams} (2) run at
 * once: one more is answered at once with 429, Retry-After and a sentence saying why, on every route that streams,
 * and records nothing. A finished export gives its place back.
 */
@QuarkusTest
@TestSecurity(user = "ann", roles = Roles.AUDITOR)
class AuditStreamsLimitTest {

    private static final String BUSY = "Studio is already running 2 audit exports or verifications, as many as it runs at once; "
            + "try again in 10 seconds.";

    @Inject
    AuditStreams streams;

    @Inject
    AuditLog log;

    private final List<AuditStreams.Permit> held = new ArrayList<>();

    @BeforeEach
    void twoStreamsRunning() {
        AuditDatabase.reset();
        new AuditTrailFixture(log).plain(3);
        held.add(streams.open());
        held.add(streams.open());
    }

    @AfterEach
    void theyEnd() {
        held.forEach(AuditStreams.Permit::close);
    }

    @Test
    void theApiAnswers429WithRetryAfterAndWhy() {
        for (String path : new String[] {"/api/audit/verify", "/api/audit/export?format=jsonl", "/api/audit/export?format=csv"}) {
            asTestIdentity().get(path).then().statusCode(429).header("Retry-After", "10").contentType("application/problem+json")
                    .body("errors[0].message", equalTo(BUSY));
        }
        asTestIdentity().post("/api/audit/verify").then().statusCode(429).header("Retry-After", "10").body("errors[0].message", equalTo(BUSY));
        assertEquals(3, AuditDatabase.number("select count(*) from audit_event"), "a refused verification records nothing");
    }

    @Test
    void thePageSaysSoWhereTheVerdictWouldShow() {
        CsrfForms.htmx("/audit").post("/audit/verify").then().statusCode(429).header("Retry-After", "10")
                .header("HX-Retarget", "#chain-verdict")
                .body(startsWith("<div id=\"chain-verdict\"")).body(containsString("Not verified now."));
        CsrfForms.form("/audit").post("/audit/verify").then().statusCode(429).body(containsString("try again in 10 seconds"));
        given().queryParam("format", "csv").get("/audit/export").then().statusCode(429).header("Retry-After", "10")
                .body(containsString("as many as it runs at once"));
        assertEquals(3, AuditDatabase.number("select count(*) from audit_event"));
    }

    @Test
    void aFinishedStreamGivesItsPlaceBack() {
        held.remove(0).close();
        for (int i = 0; i < 3; i++) {
            asTestIdentity().get("/api/audit/export?format=jsonl").then().statusCode(200);
            asTestIdentity().get("/api/audit/verify").then().statusCode(200);
        }
        asTestIdentity().get("/api/audit/export?format=jsonl&from=soon").then().statusCode(400);
        asTestIdentity().get("/api/audit/verify").then().statusCode(200);
    }
}
