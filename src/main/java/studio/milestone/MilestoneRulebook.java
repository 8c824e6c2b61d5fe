package studio.milestone;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import studio.gate.PlanningMode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import studio.definition.DefinitionDefaults;
import studio.definition.DefinitionParser;
import studio.definition.DefinitionSet;
import studio.definition.DefinitionWriter;
import studio.definition.MilestoneDefinition;
import studio.governance.GovernedMilestone;
import studio.input.Format;

/**
 * Turns a stored milestone definition into its {@link MilestoneRules}. Parsed rules are cached by the exact
 * definition text, so a redefinition (new text) can never be served stale, on any instance.
 */
@ApplicationScoped
public class MilestoneRulebook {

    private static final int CACHE_LIMIT = 20_000;

    @Inject
    GovernanceDefaults defaults;
    /** The installation's planning mode (README "Configuration"); a milestone's planningMode overrides it. */
    @ConfigProperty(name = "studio.planning.mode", defaultValue = "autonomous")
    String planningMode;

    private final Map<String, MilestoneRules> cache = new ConcurrentHashMap<>();

    public MilestoneRules rules(Milestone milestone) {
        return rules(milestone.definition);
    }

    public MilestoneRules rules(String definitionYaml) {
        MilestoneRules cached = cache.get(definitionYaml);
        if (cached != null) return cached;
        if (cache.size() > CACHE_LIMIT) cache.clear();
        MilestoneDefinition d = DefinitionParser.parse(definitionYaml, Format.YAML).milestones().get(0);
        MilestoneRules rules = MilestoneRules.of(d, defaults());
        cache.put(definitionYaml, rules);
        return rules;
    }

    /** The milestone as the governance policies see it: its rules in its current state. */
    public GovernedMilestone governed(Milestone milestone) {
        return rules(milestone).governed(milestone.lifecycleState());
    }

    public DefinitionDefaults defaults() {
        PlanningMode mode = PlanningMode.parse(planningMode);
        if (mode == null) {
            throw new IllegalStateException("studio.planning.mode '" + planningMode + "' must be " + PlanningMode.spelled());
        }
        return defaults.asDefinitionDefaults().withPlanningMode(mode);
    }

    /** The text a milestone's definition is stored as: its own entry, as canonical YAML. */
    public static String storedForm(MilestoneDefinition definition) {
        return DefinitionWriter.toYaml(new DefinitionSet(java.util.List.of(definition), java.util.List.of(), java.util.List.of()));
    }
}
