package studio.security;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Test;
import studio.testing.Browser;

/** A person signs in through the real Keycloak login page, sees who they are, and signs out for real. */
@QuarkusTest
class SignInJourneyTest {

    @TestHTTPResource("/")
    URL home;

    @Test
    void demoUserSignsInSeesNameAndRolesThenSignsOutOfKeycloakToo() {
        try (Browser browser = new Browser()) {
            Page page = browser.newPage();
            Browser.signIn(page, home.toString(), "qa-lead-2");

            assertThat(page.locator(".who-name")).hasText("Quentin Second");
            assertThat(page.locator(".who-roles .role")).hasText(new String[] {"qa-lead"});
            assertThat(page.locator("h1")).hasText("Where delivery stands");
            Browser.screenshot(page, "sign-in-shell");

            page.locator("a.signout").click();
            assertThat(page.locator("h1")).hasText("You are signed out");

            // The Keycloak session ended too: coming back asks for credentials again.
            page.navigate(home.toString());
            assertThat(page.locator("#username")).isVisible();
        }
    }
}
