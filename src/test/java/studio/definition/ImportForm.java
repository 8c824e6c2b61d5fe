package studio.definition;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Posts the import form as a browser does: multipart, with the CSRF cookie and field from the page. */
final class ImportForm {

    private final String cookie;
    private final String token;

    private ImportForm(String cookie, String token) {
        this.cookie = cookie;
        this.token = token;
    }

    /** Opens the import page (as the test identity) and keeps its CSRF token. */
    static ImportForm open() {
        Response page = given().get("/import");
        page.then().statusCode(200);
        // Every page carries the token for htmx on <body>; the form carries it as a field.
        Matcher m = Pattern.compile("\"X-CSRF-TOKEN\":\"([^\"]+)\"").matcher(page.asString());
        if (!m.find()) throw new AssertionError("no CSRF token on the page");
        return new ImportForm(page.getCookie("studio-csrf"), m.group(1));
    }

    /** The form as the page's form posts it (token as a form field). */
    RequestSpecification request(String action) {
        return given().cookie("studio-csrf", cookie).multiPart("csrf-token", token).multiPart("action", action);
    }

    Response post(String action, String document) {
        return request(action).multiPart("document", document).post("/import");
    }
}
