package studio.testing;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The real SMTP server the tests send to (maildev, started by ./studio test; STUDIO_TEST_MAIL_API is its web API), read
 * through its REST API as a person would read their inbox: what arrived, to whom, with which subject, text, HTML and
 * headers.
 */
public final class MailCatcher {

    private MailCatcher() {}

    static String api() {
        return System.getenv().getOrDefault("STUDIO_TEST_MAIL_API", "http://127.0.0.1:21080");
    }

    public static void clear() {
        given().baseUri(api()).delete("/email/all").then().statusCode(200);
    }

    /** Every message received, oldest first. */
    public static List<Map<String, Object>> messages() {
        return JsonPath.from(given().baseUri(api()).get("/email").then().statusCode(200).extract().asString()).getList("$");
    }

    /** The messages to {@code address}. */
    public static List<Map<String, Object>> to(String address) {
        return messages().stream().filter(m -> recipients(m).contains(address)).toList();
    }

    @SuppressWarnings("unchecked")
    public static List<String> recipients(Map<String, Object> m) {
        return ((List<Map<String, Object>>) m.getOrDefault("to", List.of())).stream().map(t -> String.valueOf(t.get("address"))).toList();
    }

    @SuppressWarnings("unchecked")
    public static String header(Map<String, Object> m, String name) {
        Object v = ((Map<String, Object>) m.getOrDefault("headers", Map.of())).get(name.toLowerCase(java.util.Locale.ROOT));
        return v == null ? null : String.valueOf(v);
    }

    /** Waits (up to 15 s) for a message to {@code address} that {@code wanted} accepts. */
    public static Map<String, Object> await(String address, Predicate<Map<String, Object>> wanted) {
        Instant until = Instant.now().plus(Duration.ofSeconds(15));
        while (true) {
            for (Map<String, Object> m : to(address)) if (wanted.test(m)) return m;
            if (Instant.now().isAfter(until)) throw new AssertionError("no such email to " + address + "; the catcher holds: "
                    + messages().stream().map(m -> recipients(m) + " " + m.get("subject")).toList());
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Waits for a message to {@code address} with exactly this subject. */
    public static Map<String, Object> await(String address, String subject) {
        return await(address, m -> subject.equals(m.get("subject")));
    }
}
