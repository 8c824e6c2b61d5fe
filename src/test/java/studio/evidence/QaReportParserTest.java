package studio.evidence;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import studio.input.InputProblem;
import studio.input.InvalidInputException;

class QaReportParserTest {

    private static final List<FeatureCoverage> COORDINATOR = List.of(new FeatureCoverage("BookingFlow", 93.2, null),
            new FeatureCoverage("Notification.Email.Send", 91.0, null), new FeatureCoverage("Auth.Login", 88.5, null));

    private static List<InputProblem> markdownProblems(String md, String sprintId) {
        return assertThrows(InvalidInputException.class, () -> QaReportParser.parseMarkdown(md, sprintId)).problems();
    }

    private static List<InputProblem> jsonProblems(String json, String sprintId) {
        return assertThrows(InvalidInputException.class, () -> QaReportParser.parseJson(json, sprintId)).problems();
    }

    @Test
    void theCoordinatorDocumentsReport() {
        assertEquals(new QaReport("sprint-2025-05-MVP1", COORDINATOR, null, null),
                QaReportParser.parseMarkdown(Seeds.read("qaMarkdown", "spec-coordinator.md"), "sprint-2025-05-MVP1"));
    }

    @Test
    void theHeadingMayUseAnyDashOrNone() {
        assertEquals(COORDINATOR, QaReportParser.parseMarkdown(
                Seeds.read("qaMarkdown", "spec-coordinator-as-extracted.md"), "sprint-2025-05-MVP1").features());
        for (String dash : List.of("-", "\u2013", "\u2014", ":", "--")) {
            assertEquals(1, QaReportParser.parseMarkdown("### QA Validation Summary " + dash + " s-1 ###\n- A: 1%\n", "s-1")
                    .features().size(), dash);
        }
    }

    @Test
    void aHeadingForAnotherSprintIsRefused() {
        assertEquals(new InputProblem("the document is for sprint 'sprint-2025-05-MVP1' but was posted to sprint 'sprint-2'", 1, 28, null),
                markdownProblems(Seeds.read("qaMarkdown", "spec-coordinator.md"), "sprint-2").get(0));
    }

    @Test
    void theQaPanelTableWithTestCountsAndResults() {
        QaReport r = QaReportParser.parseMarkdown(Seeds.read("qaMarkdown", "spec-qa-panel-table.md"), "sprint-3");
        assertEquals(new QaReport("sprint-3", List.of(new FeatureCoverage("BookingFlow", 93, 12),
                new FeatureCoverage("Notification", 84, 9), new FeatureCoverage("AuthFlow", 100, 5)), 26, 0), r);
    }

    @Test
    void starBulletsBoldNamesTestCountsAndSummaryRows() {
        QaReport r = QaReportParser.parseMarkdown(Seeds.read("qaMarkdown", "spec-release-notes-summary.md"), "sprint-06");
        assertEquals(new QaReport("sprint-06", List.of(new FeatureCoverage("BookingFlow", 93.1, 12),
                new FeatureCoverage("Notification.Send", 89.5, null)), 120, 2), r);
    }

    @Test
    void proseIsIgnored() {
        QaReport r = QaReportParser.parseMarkdown("""
                Some intro: with a colon.
                - Reviewed by: qa-lead
                - Note: see http://example.com
                - Feature:with:colons: 80%
                - **Auth.Login:** 77 %
                """, "s");
        assertEquals(List.of(new FeatureCoverage("Feature:with:colons", 80, null), new FeatureCoverage("Auth.Login", 77, null)),
                r.features());
    }

    @Test
    void aMalformedCoverageLineIsAnErrorOnItsLine() {
        assertAll(
                () -> assertEquals(new InputProblem("'BookingFlow: 93..2%' is not a coverage line; write it as '- BookingFlow: 93.2%'",
                        2, 3, null), markdownProblems(Seeds.read("qaMarkdown", "broken-malformed.md"), "sprint-x").get(0)),
                () -> assertEquals("'A: 93,2%' is not a coverage line; write it as '- A: 93.2%'",
                        markdownProblems("- A: 93,2%\n", "s").get(0).message()),
                () -> assertEquals(new InputProblem("coverage of A 120 is not between 0 and 100", 3, 5, null),
                        markdownProblems("\n\n  * A: 120%\n", "s").get(0)),
                () -> assertEquals("'A: 5% (99999999999 tests)' is not a coverage line; write it as '- A: 93.2%'",
                        markdownProblems("- A: 5% (99999999999 tests)\n", "s").get(0).message()),
                () -> assertEquals("tests passed must be a whole number, found 'many'",
                        markdownProblems("- A: 1%\n- Tests passed: many\n", "s").get(0).message()));
    }

    @Test
    void aReportWithoutCoverageShowsTheExpectedForm() {
        assertEquals(InputProblem.of("the report has no coverage lines; expected lines like '- BookingFlow: 93.2%' or a table "
                + "with Feature and Coverage columns"), markdownProblems(Seeds.read("qaMarkdown", "broken-no-coverage.md"), "s").get(0));
    }

    @Test
    void aFeatureReportedTwiceIsAnError() {
        assertEquals(new InputProblem("feature 'A' has two coverage lines: line 1 and line 3", 3, 3, null),
                markdownProblems("- A: 90%\n- B: 80%\n- A: 91%\n", "s").get(0));
    }

    @Test
    void aBrokenTableRowIsAnErrorOnItsLine() {
        assertEquals(new InputProblem("table row for A needs a coverage like 93% and a whole number of test cases, found 'lots' and ''",
                3, 1, null), markdownProblems(Seeds.read("qaMarkdown", "broken-table.md"), "s").get(0));
    }

    @Test
    void windowsLineEndingsAreFine() {
        assertEquals(COORDINATOR, QaReportParser.parseMarkdown(
                Seeds.read("qaMarkdown", "spec-coordinator.md").replace("\n", "\r\n"), "sprint-2025-05-MVP1").features());
    }

    @Test
    void jsonOfTheApiContract() {
        assertEquals(new QaReport("sprint-1", List.of(new FeatureCoverage("BookingFlow", 93.2, null),
                new FeatureCoverage("Notification.Email.Send", 91, null), new FeatureCoverage("Auth.Login", 88.5, 12)), 120, 2),
                QaReportParser.parseJson(Seeds.read("qaJson", "spec-api-snake.json"), "sprint-1"));
        assertEquals(new QaReport("sprint-3", List.of(new FeatureCoverage("BookingFlow", 93.5, null)), 10, 0),
                QaReportParser.parseJson(Seeds.read("qaJson", "spec-camel.json"), "sprint-3"));
    }

    @Test
    void jsonProblemsAreLocated() {
        assertAll(
                () -> assertEquals(List.of(
                        new InputProblem("coverage of A 101 is not between 0 and 100", 1, 18, "$.features.A"),
                        new InputProblem("feature id 'two words' may use only letters, digits, '.', '_', ':' and '-', starting with a "
                                + "letter or digit", 1, 23, "$.features['two words']"),
                        new InputProblem("tests_passed -1 must be at least 0", 1, 56, "$.tests_passed")),
                        jsonProblems(Seeds.read("qaJson", "broken-values.json"), "s")),
                () -> assertEquals("features must map each feature to its coverage ({\"BookingFlow\": 93.2}), found a list",
                        jsonProblems(Seeds.read("qaJson", "broken-shape.json"), "s").get(0).message()),
                () -> assertEquals("the document is for sprint 'sprint-3' but was posted to sprint 'sprint-4'",
                        jsonProblems(Seeds.read("qaJson", "spec-camel.json"), "sprint-4").get(0).message()),
                () -> assertEquals("'coverage' is required",
                        jsonProblems("{\"features\":{\"A\":{\"tests\":3}}}", "s").get(0).message()));
    }

    @Test
    void theUrlSprintIsRequired() {
        assertEquals(InputProblem.of("the sprint id in the URL is missing"), markdownProblems("- A: 1%", null).get(0));
    }
}
