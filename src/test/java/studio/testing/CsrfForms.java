package studio.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Browser forms as REST Assured sends them: a page is fetched first (as a browser would), its CSRF cookie is sent
 * back with the form field {@code csrf-token}. {@code htmx()} adds the headers htmx sends.
 */
public final class CsrfForms {

    private CsrfForms() {
    }

    /** The CSRF token the page at {@code path} sets in its cookie. */
    public static String csrf(String path) {
        String token = given().get(path).then().extract().cookie("studio-csrf");
        if (token == null) throw new IllegalStateException(path + " set no studio-csrf cookie");
        return token;
    }

    /** A form post with a valid CSRF token (taken from {@code page}). */
    public static RequestSpecification form(String page) {
        String token = csrf(page);
        return given().redirects().follow(false).contentType(ContentType.URLENC).cookie("studio-csrf", token)
                .formParam("csrf-token", token);
    }

    /** The same form sent by htmx. */
    public static RequestSpecification htmx(String page) {
        return form(page).header("HX-Request", "true");
    }
}
