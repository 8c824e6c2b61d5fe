package studio.input;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TreeReaderTest {

    private static final String MILESTONES_YAML = """
            milestones:
              - id: mvp-ready
                gateConditions:
                  - allSprintsClosed
                  - qaCoverageAbove: 90
            """;

    @Test
    void yamlNodesKnowTheirLineColumnAndPath() {
        MappingNode root = (MappingNode) TreeReader.read(MILESTONES_YAML, Format.YAML);
        SequenceNode milestones = (SequenceNode) root.get("milestones");
        MappingNode milestone = (MappingNode) milestones.items().get(0);
        SequenceNode gates = (SequenceNode) milestone.get("gateConditions");
        MappingNode coverage = (MappingNode) gates.items().get(1);
        ScalarNode threshold = (ScalarNode) coverage.get("qaCoverageAbove");
        assertAll(
                () -> assertEquals("$.milestones[0].gateConditions[1].qaCoverageAbove", threshold.path()),
                () -> assertEquals(5, threshold.line()),
                () -> assertEquals(26, threshold.column()),
                () -> assertEquals(ScalarNode.Kind.NUMBER, threshold.kind()),
                () -> assertEquals(90.0, threshold.number()),
                () -> assertEquals("$.milestones[0].gateConditions[0]", gates.items().get(0).path()),
                () -> assertEquals(4, gates.items().get(0).line()),
                () -> assertEquals(9, gates.items().get(0).column()),
                () -> assertEquals(2, milestone.entry("id").line()),
                () -> assertEquals(5, milestone.entry("id").column()));
    }

    @Test
    void jsonNodesKnowTheirLineColumnAndPath() {
        String json = "{\n  \"features\": {\n    \"Notification.Email.Send\": \"91%\"\n  }\n}";
        MappingNode root = (MappingNode) TreeReader.read(json, Format.JSON);
        ScalarNode value = (ScalarNode) ((MappingNode) root.get("features")).get("Notification.Email.Send");
        assertAll(
                () -> assertEquals("$.features['Notification.Email.Send']", value.path()),
                () -> assertEquals(3, value.line()),
                () -> assertEquals(32, value.column()),
                () -> assertEquals(ScalarNode.Kind.STRING, value.kind()),
                () -> assertEquals("91%", value.text()));
    }

    @Test
    void scalarsKeepWhetherTheyWereQuotedNumbersOrBooleans() {
        MappingNode root = (MappingNode) TreeReader.read(
                "quoted: \"90\"\nplain: 90\nfloat: 93.5\nflag: true\nyamlYes: yes\nnothing: ~\ndate: 2025-05-14\n", Format.YAML);
        assertAll(
                () -> assertEquals(ScalarNode.Kind.STRING, ((ScalarNode) root.get("quoted")).kind()),
                () -> assertEquals(ScalarNode.Kind.NUMBER, ((ScalarNode) root.get("plain")).kind()),
                () -> assertEquals(93.5, ((ScalarNode) root.get("float")).number()),
                () -> assertEquals(true, ((ScalarNode) root.get("flag")).booleanValue()),
                () -> assertEquals("yes", ((ScalarNode) root.get("yamlYes")).value()),
                () -> assertTrue(((ScalarNode) root.get("nothing")).isNull()),
                () -> assertEquals("2025-05-14", ((ScalarNode) root.get("date")).value()));
    }

    @Test
    void jsonNullAndBooleansAreTyped() {
        MappingNode root = (MappingNode) TreeReader.read("{\"a\": null, \"b\": false, \"c\": \"false\"}", Format.JSON);
        assertAll(
                () -> assertTrue(((ScalarNode) root.get("a")).isNull()),
                () -> assertEquals(false, ((ScalarNode) root.get("b")).booleanValue()),
                () -> assertTrue(((ScalarNode) root.get("c")).isString()));
    }

    @Test
    void duplicateKeysAreProblemsNamingBothLines() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> TreeReader.read("id: a\nname: x\nid: b\n", Format.YAML));
        InputProblem p = e.problems().get(0);
        assertAll(
                () -> assertEquals("duplicate key 'id' (first on line 1)", p.message()),
                () -> assertEquals(3, p.line()),
                () -> assertEquals(1, p.column()),
                () -> assertEquals("$.id", p.path()));
    }

    @Test
    void duplicateKeysInJsonAreProblemsToo() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> TreeReader.read("{\"sprintId\": \"a\",\n \"sprintId\": \"b\"}", Format.JSON));
        assertEquals(new InputProblem("duplicate key 'sprintId' (first on line 1)", 2, 2, "$.sprintId"), e.problems().get(0));
    }

    @Test
    void everyDuplicateIsReportedUpToFifty() {
        StringBuilder yaml = new StringBuilder();
        for (int i = 0; i < 70; i++) yaml.append("k").append(i).append(": 1\n").append("k").append(i).append(": 2\n");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> TreeReader.read(yaml.toString(), Format.YAML));
        assertEquals(Problems.MAX, e.problems().size());
        assertEquals(4, e.problems().get(1).line());
    }

    @Test
    void yamlSyntaxErrorsCarryTheProblemsLineAndColumn() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> TreeReader.read("milestones:\n  - id: a\n   name: b\n", Format.YAML));
        InputProblem p = e.problems().get(0);
        assertAll(
                () -> assertTrue(p.message().startsWith("YAML syntax error: "), p.message()),
                () -> assertEquals(3, p.line()),
                () -> assertEquals(4, p.column()));
    }

    @Test
    void unclosedFlowSequenceIsASyntaxErrorAtTheEnd() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> TreeReader.read("a: [1\n", Format.YAML));
        InputProblem p = e.problems().get(0);
        assertAll(
                () -> assertEquals("YAML syntax error: expected ',' or ']', but got <stream end> (while parsing a flow sequence)",
                        p.message()),
                () -> assertEquals(2, p.line()),
                () -> assertEquals(1, p.column()));
    }

    @Test
    void jsonSyntaxErrorsCarryLineAndColumn() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> TreeReader.read("{\n  \"event\": \"SprintClosed\",\n  \"sprintId\": \n}", Format.JSON));
        InputProblem p = e.problems().get(0);
        assertAll(
                () -> assertTrue(p.message().startsWith("JSON syntax error: Unexpected character ('}'"), p.message()),
                () -> assertEquals(4, p.line()),
                () -> assertEquals(1, p.column()));
    }

    @Test
    void emptyDocumentsAreRefused() {
        assertEquals("the document is empty", assertThrows(InvalidInputException.class,
                () -> TreeReader.read("  \n# only a comment\n", Format.YAML)).problems().get(0).message());
        assertThrows(InvalidInputException.class, () -> TreeReader.read("", Format.JSON));
    }

    @Test
    void aSecondYamlDocumentIsRefused() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> TreeReader.read("milestones: []\n---\nsprints: []\n", Format.YAML));
        assertEquals("the input holds a second YAML document ('---'); send one document", e.problems().get(0).message());
        assertEquals(3, e.problems().get(0).line());
    }

    @Test
    void aSecondJsonValueIsRefused() {
        assertThrows(InvalidInputException.class, () -> TreeReader.read("{} {}", Format.JSON));
    }

    @Test
    void documentsOverTwoMebibytesAreRefusedBeforeParsing() {
        String line = "- " + "x".repeat(98) + "\n";
        String atLimit = line.repeat(TreeReader.MAX_BYTES / line.length()) + "#".repeat(TreeReader.MAX_BYTES % line.length());
        assertEquals(TreeReader.MAX_BYTES, atLimit.length());
        assertInstanceOf(SequenceNode.class, TreeReader.read(atLimit, Format.YAML));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> TreeReader.read(atLimit + "\n", Format.YAML));
        assertEquals(InputProblem.of("the document is 2.0 MiB; the limit is 2 MiB"), e.problems().get(0));
    }

    @Test
    void jsonAtTheSizeLimitIsRead() {
        String atLimit = "\"" + "x".repeat(TreeReader.MAX_BYTES - 2) + "\"";
        assertEquals(TreeReader.MAX_BYTES, ((ScalarNode) TreeReader.read(atLimit, Format.JSON)).text().length() + 2);
    }

    @Test
    void overlongYamlLinesAreRefusedWithTheirLineNumber() {
        String ok = "a: " + "x".repeat(TreeReader.MAX_YAML_LINE - 3) + "\n";
        assertInstanceOf(MappingNode.class, TreeReader.read(ok, Format.YAML));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> TreeReader.read("a: 1\nb: \"" + "x".repeat(TreeReader.MAX_YAML_LINE) + "\"\n", Format.YAML));
        assertEquals(new InputProblem("the line is longer than 100000 characters; split it (YAML lines are limited, "
                + "JSON documents are not)", 2, 100_001, null), e.problems().get(0));
    }

    @Test
    void theSizeLimitCountsUtf8Bytes() {
        // 2 quotes + 3 bytes per euro sign: MAX_BYTES / 3 of them fill the limit exactly, in fewer than MAX_BYTES chars.
        String atLimit = "\"" + "\u20ac".repeat(TreeReader.MAX_BYTES / 3) + "\"";
        assertInstanceOf(ScalarNode.class, TreeReader.read(atLimit, Format.JSON));
        String overLimit = "\"" + "\u20ac".repeat(TreeReader.MAX_BYTES / 3 + 1) + "\"";
        assertThrows(InvalidInputException.class, () -> TreeReader.read(overLimit, Format.JSON));
    }

    @Test
    void nestingUpToSixtyFourLevelsIsRead() {
        String json = "[".repeat(63) + "1" + "]".repeat(63);
        assertInstanceOf(SequenceNode.class, TreeReader.read(json, Format.JSON));
    }

    @Test
    void nestingDeeperThanSixtyFourIsRefusedWithItsLocation() {
        String json = "[".repeat(64) + "1" + "]".repeat(64);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> TreeReader.read(json, Format.JSON));
        InputProblem p = e.problems().get(0);
        assertEquals("the document nests deeper than 64 levels", p.message());
        assertEquals(1, p.line());
        assertEquals(65, p.column());
    }

    @Test
    void hostileNestingEndsCleanlyInBothFormats() {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            assertThrows(InvalidInputException.class, () -> TreeReader.read("[".repeat(500_000), Format.JSON));
            assertThrows(InvalidInputException.class, () -> TreeReader.read("[".repeat(500_000), Format.YAML));
            assertThrows(InvalidInputException.class, () -> TreeReader.read("a:\n" + nestedBlock(200), Format.YAML));
        });
    }

    private static String nestedBlock(int depth) {
        StringBuilder out = new StringBuilder();
        for (int i = 1; i <= depth; i++) out.append(" ".repeat(i)).append("k:\n");
        return out.toString();
    }

    @Test
    void aliasesStandForACopyOfTheAnchoredValueAtTheAliasPath() {
        MappingNode root = (MappingNode) TreeReader.read(
                "shared: &gates\n  - allSprintsClosed\n  - traceMatrixComplete\nmine: *gates\n", Format.YAML);
        SequenceNode copy = (SequenceNode) root.get("mine");
        assertAll(
                () -> assertEquals(2, copy.items().size()),
                () -> assertEquals("traceMatrixComplete", ((ScalarNode) copy.items().get(1)).text()),
                () -> assertEquals("$.mine[1]", copy.items().get(1).path()),
                () -> assertEquals(3, copy.items().get(1).line()));
    }

    @Test
    void anUnknownAliasIsAProblem() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> TreeReader.read("a: *nowhere\n", Format.YAML));
        assertEquals(new InputProblem("unknown YAML alias '*nowhere'", 1, 4, "$.a"), e.problems().get(0));
    }

    @Test
    void anAliasBombEndsInACleanProblem() {
        StringBuilder bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'i'; c++) {
            char p = (char) (c - 1);
            bomb.append(c).append(": &").append(c).append(" [").append(String.join(",", java.util.Collections.nCopies(9, "*" + p))).append("]\n");
        }
        InvalidInputException e = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> assertThrows(InvalidInputException.class, () -> TreeReader.read(bomb.toString(), Format.YAML)));
        assertTrue(e.problems().get(0).message().startsWith("the document holds more than 250000 values"), e.getMessage());
    }

    @Test
    void autoFormatPicksJsonForObjectsAndArrays() {
        assertAll(
                () -> assertEquals(Format.JSON, Format.AUTO.resolve("  \n {\"a\":1}")),
                () -> assertEquals(Format.JSON, Format.AUTO.resolve("\uFEFF[1]")),
                () -> assertEquals(Format.YAML, Format.AUTO.resolve("milestones: []")),
                () -> assertEquals(Format.YAML, Format.AUTO.resolve("")),
                () -> assertEquals(Format.YAML, Format.YAML.resolve("{}")));
    }

    @Test
    void autoFormatReportsJsonErrorsAsJson() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> TreeReader.read("{\"a\": 1,}", Format.AUTO));
        assertTrue(e.problems().get(0).message().startsWith("JSON syntax error"), e.getMessage());
    }

    @Test
    void unsupportedYamlValuesAndKeysEndCleanly() {
        assertAll(
                () -> assertEquals("unsupported value (VALUE_EMBEDDED_OBJECT); use text, numbers, booleans, lists and mappings",
                        assertThrows(InvalidInputException.class,
                                () -> TreeReader.read("a: !!binary aGVsbG8=\n", Format.YAML)).problems().get(0).message()),
                () -> assertThrows(InvalidInputException.class, () -> TreeReader.read("? [a]\n: b\n", Format.YAML)),
                () -> assertThrows(InvalidInputException.class, () -> TreeReader.read("a: \"\\x\"\n", Format.YAML)));
    }

    @Test
    void overlongNumbersAreRefusedBeforeConversion() {
        String digits = "9".repeat(150);
        InvalidInputException yaml = assertThrows(InvalidInputException.class, () -> TreeReader.read("a: " + digits, Format.YAML));
        assertEquals("the number has more than 100 characters", yaml.problems().get(0).message());
        assertThrows(InvalidInputException.class, () -> TreeReader.read("{\"a\": " + digits + "}", Format.JSON));
    }

    @Test
    void nonFiniteYamlNumbersAreRefused() {
        assertEquals(new InputProblem("'.inf' is not a finite number", 1, 4, "$.a"),
                assertThrows(InvalidInputException.class, () -> TreeReader.read("a: .inf\n", Format.YAML)).problems().get(0));
        assertThrows(InvalidInputException.class, () -> TreeReader.read("a: [.nan]\n", Format.YAML));
    }

    @Test
    void pathsQuoteKeysThatAreNotPlainNames() {
        NodePath path = NodePath.ROOT.key("features").key("it's").index(2).key("snake_case-ok");
        assertEquals("$.features['it\\'s'][2].snake_case-ok", path.toString());
    }

    @Test
    void exceptionMessageSummarizesTheProblems() {
        InvalidInputException e = new InvalidInputException(List.of(
                new InputProblem("first", 3, 7, "$.a"), InputProblem.of("second"), InputProblem.of("third")));
        assertEquals("line 3, column 7 ($.a): first (and 2 more problems)", e.getMessage());
        assertNull(InputProblem.of("x").line());
    }
}
