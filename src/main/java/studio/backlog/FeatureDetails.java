package studio.backlog;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import studio.definition.DefinitionParser;
import studio.definition.FeatureDefinition;
import studio.input.Format;
import studio.input.InvalidInputException;

/**
 * The features.yaml fields a card shows that have no column of their own (effort, agent roles), read from the
 * feature's stored definition. Parsed once per definition text: the same text always means the same fields.
 */
@ApplicationScoped
public class FeatureDetails {

    /** What a card shows from the definition; empty for a feature known only from milestones or evidence. */
    public record Details(Double effort, List<String> agentRoles) {
        static final Details NONE = new Details(null, List.of());
    }

    private static final int CACHE_LIMIT = 20_000;
    private final Map<String, Details> cache = new ConcurrentHashMap<>();

    public Details of(String definitionYaml) {
        if (definitionYaml == null) return Details.NONE;
        Details cached = cache.get(definitionYaml);
        if (cached != null) return cached;
        if (cache.size() > CACHE_LIMIT) cache.clear();
        Details parsed = parse(definitionYaml);
        cache.put(definitionYaml, parsed);
        return parsed;
    }

    static Details parse(String definitionYaml) {
        try {
            List<FeatureDefinition> features = DefinitionParser.parse(definitionYaml, Format.YAML).features();
            if (features.isEmpty()) return Details.NONE;
            FeatureDefinition f = features.get(0);
            return new Details(f.estimatedEffort(), f.agentRoles());
        } catch (InvalidInputException e) {
            return Details.NONE;
        }
    }
}
