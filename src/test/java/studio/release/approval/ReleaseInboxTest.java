package studio.release.approval;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static studio.release.Releasing.*;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studio.governance.Actor;
import studio.testing.TestDb;

/** Release approvals in the approvals inbox: listed for those the policy lets approve now, never for the requester. */
@QuarkusTest
class ReleaseInboxTest {

    @Inject
    ReleaseInbox inbox;

    @BeforeEach
    void clean() {
        TestDb.reset();
        studio.release.Releasing.anyEnvironmentFirst();
        reached("m1", "versionTag: v1.0.0");
        promote("platform-admin", "m1", "production").then().statusCode(201);
    }

    @Test
    void aPausedProductionReleaseAwaitsItsApproversUntilTheyApproved() {
        org.junit.jupiter.api.Assertions.assertEquals(1, inbox.awaiting(new Actor("compliance-officer", Set.of("compliance-officer"))).size());
        org.junit.jupiter.api.Assertions.assertEquals(1, inbox.awaiting(new Actor("product-owner", Set.of("product-owner"))).size());
        org.junit.jupiter.api.Assertions.assertEquals(0, inbox.awaiting(new Actor("platform-admin", Set.of("platform-admin", "product-owner"))).size());
        org.junit.jupiter.api.Assertions.assertEquals(0, inbox.awaiting(new Actor("qa-lead", Set.of("qa-lead"))).size());
        decide("product-owner", "v1.0.0", "approve", "Scope delivered").then().statusCode(200);
        org.junit.jupiter.api.Assertions.assertEquals(0, inbox.awaiting(new Actor("product-owner", Set.of("product-owner"))).size());
        org.junit.jupiter.api.Assertions.assertEquals(1, inbox.awaiting(new Actor("compliance-officer", Set.of("compliance-officer"))).size());
    }

    @Test
    @TestSecurity(user = "compliance-officer", roles = "compliance-officer")
    void theInboxPageListsTheReleaseWithALinkToItsPage() {
        io.restassured.RestAssured.given().get("/approvals").then().statusCode(200)
                .body(containsString("href=\"/releases/v1.0.0\"")).body(containsString("Release approval · production"))
                .body(containsString("Requested by <strong>platform-admin</strong>"));
    }

    @Test
    @TestSecurity(user = "qa-lead", roles = "qa-lead")
    void notForSomeoneWhoseRolesDoNotDecideIt() {
        io.restassured.RestAssured.given().get("/approvals").then().statusCode(200).body(not(containsString("/releases/v1.0.0")));
    }
}
