package studio.definition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ExtraRoleDeclarationTest {

    private List<String> before;

    @AfterEach
    void restore() {
        if (before != null) Role.declareExtra(before);
    }

    @Test
    void declaredRolesMayDecideAndMalformedOrBuiltInNamesAreRefused() {
        before = Role.extra();
        Role.declareExtra(List.of("tech-lead", "operations-lead"));
        assertNull(Role.whyNotDecider("manualApproval", "tech-lead"));
        assertEquals("studio.roles.extra: 'Tech Lead' is not a role name (lower-case words joined by '-')",
                assertThrows(IllegalArgumentException.class, () -> Role.declareExtra(List.of("Tech Lead"))).getMessage());
        assertEquals("studio.roles.extra: 'auditor' is a built-in role already",
                assertThrows(IllegalArgumentException.class, () -> Role.declareExtra(List.of("auditor"))).getMessage());
        assertEquals(List.of("tech-lead", "operations-lead"), Role.extra(), "a refused declaration changes nothing");
    }
}
