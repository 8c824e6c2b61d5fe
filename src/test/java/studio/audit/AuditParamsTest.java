package studio.audit;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import studio.input.InputProblem;

class AuditParamsTest {

    @Test
    void everyCriterionIsTakenAsGiven() {
        AuditPageRequest page = AuditParams.of(Map.of("milestone", "mvp-ready", "release", "v1.2.0", "sprint", "S-7",
                "actor", "alice", "role", "qa-lead", "type", "OverrideApproved", "from", "2025-05-14T18:35:00Z",
                "to", "2025-05-15T00:00:00Z", "after", "120", "limit", "25")).page();
        assertEquals(new AuditPageRequest(new AuditFilter("mvp-ready", "v1.2.0", "S-7", "alice", "qa-lead", "OverrideApproved",
                Instant.parse("2025-05-14T18:35:00Z"), Instant.parse("2025-05-15T00:00:00Z")), 120L, 25), page);
    }

    @Test
    void nothingGivenIsTheNewestFiftyOfEverything() {
        assertEquals(new AuditPageRequest(AuditFilter.EVERYTHING, null, 50), AuditParams.of(Map.of()).page());
    }

    @Test
    void blankValuesAreAbsentAndOthersAreStripped() {
        AuditPageRequest page = AuditParams.of(Map.of("milestone", "  ", "actor", " alice ", "limit", "", "after", " ")).page();
        assertAll(
                () -> assertNull(page.filter().milestone()),
                () -> assertEquals("alice", page.filter().actor()),
                () -> assertEquals(50, page.limit()),
                () -> assertNull(page.after()));
    }

    @ParameterizedTest
    @CsvSource({
            "2025-05-14, 2025-05-14T00:00:00Z",
            "2025-05-14T18:35:00Z, 2025-05-14T18:35:00Z",
            "2025-05-14T20:35:00+02:00, 2025-05-14T18:35:00Z",
            "2025-05-14T20:35:00 02:00, 2025-05-14T18:35:00Z",
            "2025-05-14T18:35:00.123456Z, 2025-05-14T18:35:00.123456Z",
            "2025-05-14T13:35-05:00, 2025-05-14T18:35:00Z"})
    void fromAcceptsDatesInstantsAndOffsetsIncludingAPlusDecodedAsSpace(String given, String meant) {
        assertEquals(Instant.parse(meant), AuditParams.of(Map.of("from", given)).filter().from());
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2025-05-14T18:35:00", "2025-5-14", "2025-02-30", "14/05/2025", "1715711700",
            "+12025-01-01T00:00:00Z", "-0001-01-01T00:00:00Z"})
    void fromAndToRefuseAnythingElse(String given) {
        assertOnly("from", () -> AuditParams.of(Map.of("from", given)).filter());
        assertOnly("to", () -> AuditParams.of(Map.of("to", given)).filter());
    }

    @Test
    void theRangeMustNotBeEmptyOrBackwards() {
        assertOnly("to", () -> AuditParams.of(Map.of("from", "2025-05-15", "to", "2025-05-14")).filter());
        assertOnly("to", () -> AuditParams.of(Map.of("from", "2025-05-15", "to", "2025-05-15T00:00:00Z")).filter());
        assertEquals(Instant.parse("2025-05-15T00:00:00.000001Z"),
                AuditParams.of(Map.of("from", "2025-05-15", "to", "2025-05-15T00:00:00.000001Z")).filter().to());
    }

    @ParameterizedTest
    @CsvSource({"1, 1", "200, 200", "050, 50"})
    void limitRunsFromOneToTwoHundred(String given, int limit) {
        assertEquals(limit, AuditParams.of(Map.of("limit", given)).page().limit());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "201", "-1", "1.0", "1e2", "ten", "99999999999999999999"})
    void limitRefusesAnythingElse(String given) {
        assertOnly("limit", () -> AuditParams.of(Map.of("limit", given)).page());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-4", "x12", "12abc", "1.5", "9999999999999999999"})
    void theCursorMustBeAPositiveSeq(String given) {
        assertOnly("after", () -> AuditParams.of(Map.of("after", given)).page());
    }

    @Test
    void theLargestCursorIsAccepted() {
        assertEquals(999_999_999_999_999_999L, AuditParams.of(Map.of("after", "999999999999999999")).page().after());
    }

    @Test
    void roleMustBeAStudioRole() {
        assertEquals("auditor", AuditParams.of(Map.of("role", "auditor")).filter().role());
        InvalidAuditQuery bad = assertOnly("role", () -> AuditParams.of(Map.of("role", "studio-auditor")).filter());
        assertEquals("role 'studio-auditor' is not a Studio role; use one of product-owner, qa-lead, domain-architect, "
                + "security-officer, compliance-officer, platform-admin, auditor, ci", bad.problems().get(0).message());
    }

    @Test
    void theFilterAloneIgnoresPagingSoAnExportIsNotRefusedForIt() {
        assertEquals(AuditFilter.EVERYTHING, AuditParams.of(Map.of("limit", "5000", "after", "x")).filter());
    }

    @Test
    void everyProblemIsReportedInParameterOrder() {
        InvalidAuditQuery bad = assertThrows(InvalidAuditQuery.class, () -> AuditParams.of(Map.of(
                "from", "soon", "to", "later", "role", "boss", "after", "-", "limit", "0")).page());
        assertEquals(List.of("from", "to", "role", "after", "limit"), bad.problems().stream().map(InputProblem::path).toList());
    }

    private static InvalidAuditQuery assertOnly(String parameter, org.junit.jupiter.api.function.Executable parse) {
        InvalidAuditQuery bad = assertThrows(InvalidAuditQuery.class, parse);
        assertEquals(List.of(parameter), bad.problems().stream().map(InputProblem::path).toList());
        assertEquals(parameter, bad.problems().get(0).message().split(" ")[0]);
        return bad;
    }
}
