package studio.definition;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import studio.governance.ReleaseEnvironment;
import studio.input.Format;

/** The environments: list as the parser reads it, and its lifecycle held to the one releases use. */
class EnvironmentReaderTest {

    @Test
    void theParsersLifecycleIsTheReleaseSidesInTheSameOrder() {
        assertEquals(Arrays.stream(ReleaseEnvironment.values()).map(ReleaseEnvironment::json).toList(), EnvironmentReader.LIFECYCLE);
    }

    @Test
    void anEntryKeepsWhatItWritesAndNothingElse() {
        DefinitionSet set = DefinitionParser.parse("""
                environments:
                  - name: Production
                    order: 3
                    required: true
                    approvals: {product-owner: 2}
                    approvalTtl: 12h
                    freezeWindows:
                      - {name: year-end, from: "2030-12-20T00:00:00Z", until: "2031-01-04T00:00:00Z", reason: holidays}
                """, Format.YAML);
        EnvironmentDefinition d = set.environments().get(0);
        assertEquals("production", d.name());
        assertEquals(Boolean.TRUE, d.required());
        assertEquals(Map.of("approvals", Map.of("product-owner", 2), "approvalTtl", "12h"), d.policy());
        assertEquals(List.of("year-end"), d.freezeWindows().stream().map(EnvironmentDefinition.FreezeWindowSpec::name).toList());
        assertEquals(2, d.line());
    }
}
