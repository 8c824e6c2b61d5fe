package studio.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import studio.testing.Api;

/**
 * Every API error is an RFC 9457 problem (application/problem+json: type, title, status, detail) that keeps the
 * errors array with line, column and path clients read: bad input, unknown things, a method a route does not take.
 */
@QuarkusTest
class ApiProblemsTest {

    @Test
    void badYamlIsAProblemWithItsLineAndColumn() {
        Api.as("ci").contentType("application/yaml").body("milestones:\n  - id: p1\n    gateConditions: [allSprintsClosed\n")
                .post("/api/definitions").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("about:blank")).body("title", equalTo("Bad Request")).body("status", equalTo(400))
                .body("detail", containsString("line")).body("errors[0].line", notNullValue()).body("errors[0].column", notNullValue());
    }

    @Test
    void anUnknownMilestoneIsANotFoundProblem() {
        Api.as("ci").get("/api/milestones/no-such-milestone").then().statusCode(404).contentType("application/problem+json")
                .body("title", equalTo("Not Found")).body("status", equalTo(404)).body("detail", containsString("no-such-milestone"))
                .body("errors[0].message", containsString("no-such-milestone"));
    }

    @Test
    void aMethodARouteDoesNotTakeIsAProblemToo() {
        Api.as("ci").delete("/api/milestones").then().statusCode(405).contentType("application/problem+json")
                .body("status", equalTo(405)).body("title", equalTo("Method Not Allowed"));
    }

    @Test
    void anUnknownApiPathIsANotFoundProblem() {
        Api.as("ci").get("/api/nothing-here").then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
    }
}
