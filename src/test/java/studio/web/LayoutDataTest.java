package studio.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import studio.governance.Roles;
import studio.milestone.GovernedFixture;

/**
 * Every page hands its data to the layout it is rendered in ({@code {#include layout/page p=p}}). Without that, each
 * expression of the page looks its data up in the include's empty context first, and on a miss Qute tries every value
 * resolver before it moves on: on the milestone page that was 140 expressions, a quarter of the page's CPU (measured
 * with the bench, 13.6-15.1 -> 10.1-11.5 ms per request).
 */
@QuarkusTest
@TestSecurity(user = "po", roles = Roles.PRODUCT_OWNER)
class LayoutDataTest {

    @Test
    void noPageLooksItsDataUpThroughAnEmptyContext() {
        GovernedFixture.defined();
        GovernedFixture.blocked("sec", "noCriticalFindings");
        Map<String, List<String>> seen = new LinkedHashMap<>();
        for (String page : List.of("/", "/board", "/milestones/sec", "/milestones/sec/documents/intervention-events.json",
                "/audit", "/sprints", "/backlog", "/approvals", "/releases", "/notifications", "/timeline")) {
            given().get(page).then().statusCode(200); // the first render fills each expression's cached resolver
            DatalessLookups.SEEN.clear();
            DatalessLookups.recording = true;
            try {
                given().get(page).then().statusCode(200);
            } finally {
                DatalessLookups.recording = false;
            }
            if (!DatalessLookups.SEEN.isEmpty()) seen.put(page, new ArrayList<>(DatalessLookups.SEEN));
        }
        assertEquals(Map.of(), seen, "expressions looked up in a context with no data, by page");
    }

    /**
     * The same rule for the pages the test above does not open: every template rendered in the layout passes it each
     * parameter its checked-template method declares ({@code static native TemplateInstance board(BoardView view, ...)}
     * in the resource's {@code Templates} class renders {@code templates/Board/board.html}).
     */
    @Test
    void everyTemplateInTheLayoutPassesAllItsData() throws IOException {
        Map<String, List<String>> declared = checkedTemplateParameters();
        Map<String, List<String>> missing = new LinkedHashMap<>();
        int inLayout = 0;
        for (Map.Entry<String, List<String>> t : declared.entrySet()) {
            Path file = Path.of("src/main/resources/templates", t.getKey() + ".html");
            if (!Files.exists(file)) continue;
            Matcher include = LAYOUT.matcher(read(file));
            if (!include.find()) continue;
            inLayout++;
            Set<String> passed = new HashSet<>();
            Matcher key = INCLUDE_KEY.matcher(include.group(1) == null ? "" : include.group(1));
            while (key.find()) passed.add(key.group(1));
            List<String> absent = t.getValue().stream().filter(p -> !passed.contains(p)).toList();
            if (!absent.isEmpty()) missing.put(t.getKey(), absent);
        }
        assertTrue(inLayout >= 30, "the checked templates rendered in the layout were found (" + inLayout + ")");
        assertEquals(Map.of(), missing, "parameters a template declares but does not pass to layout/page, by template");
    }

    private static final Pattern LAYOUT = Pattern.compile("\\{#include layout/page( [^}]*)?}");
    private static final Pattern INCLUDE_KEY = Pattern.compile("\\s([\\w-]+)=");
    private static final Pattern CHECKED = Pattern.compile("static native TemplateInstance (\\w+)\\(([^)]*)\\)");

    /** "Board/board" -> [view, ...] for each checked-template method of a resource's nested Templates class. */
    private static Map<String, List<String>> checkedTemplateParameters() throws IOException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        List<Path> sources;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            sources = files.filter(f -> f.toString().endsWith(".java")).toList();
        }
        for (Path f : sources) {
            String java = read(f);
            if (!java.contains("@CheckedTemplate\n") || !java.contains("static class Templates")) continue;
            String dir = f.getFileName().toString().replace(".java", "");
            Matcher m = CHECKED.matcher(java);
            while (m.find()) {
                if (m.group(1).contains("$")) continue; // a fragment: rendered on its own, never in the layout
                String params = m.group(2);
                for (String before = ""; !before.equals(params); ) {
                    before = params;
                    params = params.replaceAll("<[^<>]*>", ""); // List<Map<String, X>> -> List
                }
                List<String> names = new ArrayList<>();
                for (String p : params.split(",")) {
                    String[] words = p.trim().split("\\s+");
                    if (!p.isBlank()) names.add(words[words.length - 1]);
                }
                out.merge(dir + "/" + m.group(1), names, (a, b) -> Stream.concat(a.stream(), b.stream()).distinct().toList()); // overloads
            }
        }
        return out;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
