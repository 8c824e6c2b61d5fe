package studio.outbound;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studio.testing.Api;
import studio.testing.CsrfForms;
import studio.testing.TestDb;

/**
 * Webhooks cannot be pointed at what only Studio reaches: this machine, private and link-local networks, the cloud's
 * instance metadata service. Refused with a 400 when subscribing (API and page, nothing stored), and refused again at
 * delivery when the host has come to resolve to such an address since (DNS rebinding): nothing is sent. The tests'
 * own receivers are on 127.0.0.1, which the test profile allows (studio.webhooks.allowed-hosts).
 */
@QuarkusTest
class WebhookDestinationsTest {

    static final List<String> REFUSED = List.of("http://127.0.0.2:8080/hook", "http://169.254.169.254/latest/meta-data/",
            "http://metadata.google.internal/computeMetadata/v1/", "http://[::1]:8080/hook", "http://10.0.0.1/hook",
            "http://192.168.1.20/hook", "http://[fd00:ec2::254]/latest", "http://[::ffff:127.0.0.2]/hook", "http://0.0.0.0:8080/");

    @BeforeEach
    void clean() {
        TestDb.reset();
    }

    @Test
    void theApiRefusesPrivateLoopbackAndMetadataDestinations() {
        for (String url : REFUSED) {
            Api.as("platform-admin").contentType("application/json").body("{\"url\":\"" + url + "\"}").post("/api/webhooks")
                    .then().statusCode(400).body("errors[0].path", org.hamcrest.Matchers.equalTo("url"))
                    .body("errors[0].message", containsString("studio.webhooks.allowed-hosts"));
        }
        assertEquals(0, TestDb.count("select count(*) from webhook"));
    }

    @Test
    @TestSecurity(user = "platform-admin", roles = "platform-admin")
    void theAdminPageRefusesThemNextToTheUrlField() {
        CsrfForms.form("/admin/webhooks").formParam("url", "http://169.254.169.254/latest/meta-data/").post("/admin/webhooks")
                .then().statusCode(400).body(containsString("a cloud instance metadata address"));
        assertEquals(0, TestDb.count("select count(*) from webhook"));
    }

    @Test
    @TestSecurity(user = "platform-admin", roles = "platform-admin")
    void aHostThatTurnsPrivateAfterSubscribingIsNotContacted() throws Exception {
        AtomicInteger contacted = new AtomicInteger();
        HttpServer inside = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0), 0);
        inside.createContext("/hook", exchange -> {
            contacted.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        inside.start();
        try {
            long id = Api.as("platform-admin").contentType("application/json").body("{\"url\":\"http://127.0.0.1:9/hook\"}")
                    .post("/api/webhooks").then().statusCode(201).extract().jsonPath().getLong("id");
            // What the name resolves to has changed since it was checked: the URL now leads inside.
            TestDb.exec("update webhook set url = 'http://127.0.0.2:" + inside.getAddress().getPort() + "/hook' where id = " + id);
            CsrfForms.form("/admin/webhooks/" + id).post("/admin/webhooks/" + id + "/test").then().statusCode(303);
            String error = null;
            for (int i = 0; i < 100 && error == null; i++) {
                Thread.sleep(200);
                error = TestDb.text("select error from webhook_attempt where webhook_id = " + id + " order by id limit 1");
            }
            assertTrue(error != null && error.startsWith("not sent") && error.contains("127.0.0.2"), String.valueOf(error));
            assertEquals(0, contacted.get(), "the receiver inside was contacted");
        } finally {
            inside.stop(0);
        }
    }
}
