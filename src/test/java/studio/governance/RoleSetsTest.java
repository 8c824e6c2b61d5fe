package studio.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The role sets routes allow by name (Roles.ACTING, Roles.EVERYONE) are exactly Studio's role lists, as shipped. */
class RoleSetsTest {

    @Test
    void theShippedRoleSetsAreStudiosRoleLists() throws Exception {
        Properties shipped = new Properties();
        try (InputStream in = RoleSetsTest.class.getResourceAsStream("/application.properties")) {
            shipped.load(in);
        }
        assertEquals("${studio.roles.acting}", Roles.ACTING);
        assertEquals("${studio.roles.everyone}", Roles.EVERYONE);
        assertEquals(Roles.ACTING_HUMANS, list(shipped.getProperty("studio.roles.acting")));
        assertEquals(Roles.ALL, list(shipped.getProperty("studio.roles.everyone")));
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::strip).toList();
    }
}
