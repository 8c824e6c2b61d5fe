package studio.testing;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A real Studio browser session for a demo user: signed in through Keycloak's login page (authorization code flow,
 * as a person does), holding Studio's session cookies and, after {@link #csrf()}, its CSRF cookie. Lets REST Assured
 * send requests exactly as that person's browser would, without Chromium.
 */
public final class BrowserSession {

    private final String studio;
    private final Map<String, String> cookies;

    private BrowserSession(String studio, Map<String, String> cookies) {
        this.studio = studio;
        this.cookies = cookies;
    }

    public static String studio() {
        return "http://localhost:" + ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
    }

    public static BrowserSession signIn(String user) {
        String studio = studio();
        URI home = URI.create(studio + "/");
        HttpBrowser browser = new HttpBrowser();
        HttpResponse<String> login = browser.get(home, next -> false);
        HttpResponse<String> landed = browser.signIn(login, user, next -> false);
        Map<String, String> cookies = browser.cookies(home.getAuthority());
        if (landed.statusCode() != 200 || cookies.keySet().stream().noneMatch(k -> k.startsWith("q_session"))) {
            throw new IllegalStateException("signing in as " + user + " ended at " + landed.uri() + " with " + landed.statusCode());
        }
        return new BrowserSession(studio, new java.util.HashMap<>(cookies));
    }

    /** Studio's cookies in this browser (the session's q_session*, the CSRF cookie once fetched). */
    public Map<String, String> cookies() {
        return Map.copyOf(cookies);
    }

    /** A request carrying this browser's cookies, as the browser would send it (no redirects followed). */
    public RequestSpecification request() {
        return given().baseUri(studio).redirects().follow(false).cookies(cookies);
    }

    /** The CSRF token a page hands this browser (kept as its cookie too); send it as the X-CSRF-TOKEN header. */
    public String csrf() {
        if (cookies.containsKey("studio-csrf")) return cookies.get("studio-csrf");
        String token = request().get("/").then().statusCode(200).extract().cookie("studio-csrf");
        if (token != null) cookies.put("studio-csrf", token);
        return cookies.get("studio-csrf");
    }
}
