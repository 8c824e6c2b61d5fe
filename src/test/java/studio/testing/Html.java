package studio.testing;

import io.restassured.path.xml.XmlPath;
import io.restassured.path.xml.XmlPath.CompatibilityMode;
import java.util.List;
import java.util.Map;

/** A page parsed as HTML (REST Assured's XmlPath in HTML mode), to assert on its elements rather than on its text. */
public final class Html {

    /** One element: its name, its attributes and its text. */
    public record Element(String tag, Map<String, String> attributes, String text) {

        /** The attribute's value, or null when the element has none. */
        public String attr(String name) {
            return attributes.get(name);
        }
    }

    private Html() {}

    /** Every {@code <name>} element of the page, in document order. */
    public static List<Element> elements(String html, String name) {
        return find(html, "it.name() == '" + name + "'");
    }

    /** Every element of the page that carries {@code attribute}, in document order. */
    public static List<Element> carrying(String html, String attribute) {
        return find(html, "it.attributes().containsKey('" + attribute + "')");
    }

    private static List<Element> find(String html, String condition) {
        Object found = new XmlPath(CompatibilityMode.HTML, html)
                .get("**.findAll { " + condition + " }.collect { [tag: it.name(), attributes: it.attributes(), text: it.text()] }");
        // XmlPath hands back a single match unwrapped
        List<?> all = found instanceof List<?> list ? list : found == null ? List.of() : List.of(found);
        return all.stream().map(e -> element((Map<?, ?>) e)).toList();
    }

    @SuppressWarnings("unchecked")
    private static Element element(Map<?, ?> e) {
        return new Element((String) e.get("tag"), Map.copyOf((Map<String, String>) e.get("attributes")), (String) e.get("text"));
    }
}
