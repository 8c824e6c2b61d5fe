package studio.audit;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;

/** Requests as the {@code @TestSecurity} identity of the running test (no credentials sent; the test identity applies). */
public final class TestIdentities {

    private TestIdentities() {
    }

    public static RequestSpecification asTestIdentity() {
        return given();
    }
}
