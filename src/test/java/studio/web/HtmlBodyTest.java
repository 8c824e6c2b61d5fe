package studio.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import io.restassured.config.DecoderConfig;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import studio.governance.Roles;
import studio.milestone.GovernedFixture;

/** A page goes out as its UTF-8 bytes, whole, with a length that matches: what a browser decodes is what was rendered. */
@QuarkusTest
@TestSecurity(user = "po", roles = Roles.PRODUCT_OWNER)
class HtmlBodyTest {

    static final byte[] EM_DASH = {(byte) 0xE2, (byte) 0x80, (byte) 0x94};

    @Test
    void aPageIsSentAsUtf8WithItsLength() {
        GovernedFixture.defined();
        Response page = given().config(RestAssured.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders()))
                .get("/milestones/sec").then().statusCode(200).extract().response();
        assertNull(page.header("Content-Encoding"), "asked for no compression");
        byte[] bytes = page.asByteArray();
        assertEquals(String.valueOf(bytes.length), page.header("Content-Length"), "the length header counts the bytes sent");
        String html = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(html.startsWith("<!DOCTYPE html>") && html.trim().endsWith("</html>"), "the whole page arrived");
        assertTrue(html.contains("<meta charset=\"utf-8\">"));
        assertTrue(html.contains("<td>—</td>"), "the em dash of a deliverable nobody owns");
        assertTrue(indexOf(bytes, EM_DASH) > 0, "as its three UTF-8 bytes, not a ? or a Latin-1 byte");

        byte[] gzipped = given().get("/milestones/sec").then().statusCode(200).header("Content-Encoding", "gzip").extract().asByteArray();
        assertTrue(indexOf(gzipped, EM_DASH) > 0, "compressed for a browser that asks, the same bytes inside");
        byte[] fragment = given().header("HX-Request", "true").get("/milestones/sec").then().statusCode(200).extract().asByteArray();
        assertTrue(indexOf(fragment, "id=\"gate-matrix\"".getBytes(StandardCharsets.UTF_8)) > 0 && indexOf(fragment, EM_DASH) > 0,
                "an htmx fragment goes out the same way");
    }

    static int indexOf(byte[] in, byte[] what) {
        for (int i = 0; i + what.length <= in.length; i++) {
            boolean at = true;
            for (int j = 0; j < what.length && at; j++) at = in[i + j] == what[j];
            if (at) return i;
        }
        return -1;
    }
}
