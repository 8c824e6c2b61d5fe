package studio.milestone;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import studio.testing.Api;
import studio.testing.TestDb;

/**
 * The governance issue's "done means", literally: docs/examples/mvp-ready/ci-story.sh, a shell script with only curl
 * and a ci token, tells the spec's mvp-ready story to a running Studio and reads back a reached milestone with the
 * spec's numbers and a valid audit chain.
 */
@QuarkusTest
class CiStoryScriptTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void theCurlScriptEndsWithTheMilestoneReachedAndTheChainValid() throws IOException, InterruptedException {
        TestDb.reset();
        ProcessBuilder pb = new ProcessBuilder("bash", "docs/examples/mvp-ready/ci-story.sh").redirectErrorStream(true);
        pb.environment().put("STUDIO_URL", root.toString().replaceAll("/$", ""));
        pb.environment().put("TOKEN", Api.token("ci"));
        pb.environment().put("AUDIT_TOKEN", Api.token("auditor"));
        Process script = pb.start();
        assertTrue(script.waitFor(120, TimeUnit.SECONDS), "the script did not finish");
        String out = new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, script.exitValue(), out);
        assertTrue(out.contains("\"status\":\"reached\""), out);
        assertTrue(out.contains("\"valid\":true"), out);

        Api.milestone("mvp-ready").then().statusCode(200)
                .body("status", equalTo("reached"))
                .body("qa_coverage_avg", equalTo(91.3f))
                .body("gates.find { it.condition == 'qaCoverageAbove' }.detail", equalTo(
                        "BookingFlow 93.1%, Notification.Email.Send 89.6%; aggregate 91.3% (weighted by test count) is at least 90"));
    }
}
