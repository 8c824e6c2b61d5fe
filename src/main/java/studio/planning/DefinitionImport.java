package studio.planning;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import studio.audit.AuditEntry;
import studio.audit.AuditEntry.Subject;
import studio.audit.AuditLog;
import studio.definition.DefinitionParser;
import studio.definition.DefinitionSet;
import studio.release.EnvironmentsDefined;
import studio.governance.Roles;
import studio.governance.Actor;
import studio.input.Format;
import studio.input.InvalidInputException;
import studio.milestone.MilestoneEvaluator;
import studio.sprint.PlanSnapshots;
import studio.sprint.SprintScopes;

/**
 * Imports milestones, sprints and features documents: all or nothing (any problem, and nothing is stored),
 * upsert by id, every change audited, and the milestones whose rules or inputs changed re-judged.
 */
@ApplicationScoped
public class DefinitionImport {

    public record Counts(int milestones, int sprints, int features) {}

    /**
     * @param pendingApproval changes that loosen a governed milestone: stored, not applied, until a second person
     *                        approves them
     * @param scopesHeld      changes to sprints whose approved scope is in force: held, not applied, until a person other
     *                        than their importer approves them (counted as unchanged)
     */
    public record Result(Counts created, Counts updated, Counts unchanged, List<String> milestonesReevaluated,
                         List<DefinitionStore.Proposal> pendingApproval, List<SprintScopes.Held> scopesHeld,
                         List<EnvironmentsDefined.Outcome> environments) {}

    @Inject
    EntityManager em;
    @Inject
    DefinitionStore store;
    @Inject
    MilestoneEvaluator evaluator;
    @Inject
    AuditLog audit;
    @Inject
    ObjectMapper json;
    @Inject
    PlanSnapshots plans;
    @Inject
    SprintScopes scopes;
    @Inject
    jakarta.enterprise.event.Event<EnvironmentsDefined> environmentEvents;
    @Inject
    studio.audit.Refusals refusals;

    /** Parses and checks a document against what is stored, without storing anything. */
    @Transactional
    public DefinitionSet validate(String text, Format format) {
        DefinitionSet set = DefinitionParser.parse(text, format);
        var problems = set.unresolvedReferences(store.knownIds());
        if (!problems.isEmpty()) throw new InvalidInputException(problems);
        return set;
    }

    @Transactional
    public Result apply(String text, Format format, Actor actor) {
        DefinitionSet set = validate(text, format);
        // an environment's approval policy is release governance: configured by a platform admin (docs/API.md "Roles")
        if (!set.environments().isEmpty() && !actor.holds(Roles.PLATFORM_ADMIN)) {
            refusals.enforce(studio.governance.Verdict.forbidden("defining environments (the document's environments:) needs the role "
                    + "platform-admin; nothing was imported"), actor, "define environments", Subject.system());
        }
        Tally tally = new Tally();
        Set<String> touched = new TreeSet<>();
        List<DefinitionStore.Proposal> proposals = new ArrayList<>();
        set.milestones().forEach(m -> tally.milestone(store.upsertMilestone(m, actor, proposals), m.id(), touched));
        List<SprintScopes.Held> held = new ArrayList<>();
        set.sprints().forEach(s -> tally.sprint(store.upsertSprint(s, actor, held), store.milestonesOf(s), touched));
        held.replaceAll(scopes::again); // judged with every change of the document held, so a feature passed between sprints reads as a move
        List<String> changedFeatures = new ArrayList<>();
        set.features().forEach(f -> tally.feature(store.upsertFeature(f), f.id(), changedFeatures));
        store.ensureFeatures(referencedFeatures(set));
        if (!changedFeatures.isEmpty()) {
            touched.addAll(store.milestonesRequiring(changedFeatures));
            audit.record(actor, featuresDefined(changedFeatures));
        }
        EnvironmentsDefined environments = new EnvironmentsDefined(set.environments(), actor);
        if (!set.environments().isEmpty()) environmentEvents.fire(environments);
        audit.record(actor, imported(tally, set, proposals, held));
        touched.forEach(id -> evaluator.redefined(id, actor));
        touched.forEach(id -> plans.afterImport(id, actor));
        return new Result(tally.created(), tally.updated(), tally.unchanged(), List.copyOf(touched), List.copyOf(proposals), List.copyOf(held),
                List.copyOf(environments.outcomes()));
    }

    private static Set<String> referencedFeatures(DefinitionSet set) {
        Set<String> ids = new HashSet<>();
        set.milestones().forEach(m -> ids.addAll(m.requiredFeatures()));
        set.sprints().forEach(s -> ids.addAll(s.features()));
        set.features().forEach(f -> ids.add(f.id()));
        return ids;
    }

    private AuditEntry featuresDefined(List<String> ids) {
        ObjectNode p = json.createObjectNode();
        ids.forEach(p.putArray("features")::add);
        return AuditEntry.of("FeaturesDefined", Subject.system(), null, p)
                .alsoAbout(ids.stream().map(Subject::feature).toList());
    }

    private AuditEntry imported(Tally t, DefinitionSet set, List<DefinitionStore.Proposal> proposals, List<SprintScopes.Held> held) {
        ObjectNode p = json.createObjectNode();
        proposals.forEach(c -> p.withArray("pending_approval").addObject().put("milestone_id", c.milestoneId()).put("change_id", c.changeId()));
        held.forEach(h -> p.withArray("scopes_held").addObject().put("sprint_id", h.sprintId()).put("scope_id", h.scopeId())
                .put("change", h.change().summary()));
        p.set("created", json.valueToTree(t.created()));
        p.set("updated", json.valueToTree(t.updated()));
        p.set("unchanged", json.valueToTree(t.unchanged()));
        List<Subject> about = new ArrayList<>();
        set.milestones().forEach(m -> about.add(Subject.milestone(m.id())));
        set.sprints().forEach(s -> about.add(Subject.sprint(s.id())));
        return AuditEntry.of("DefinitionsImported", Subject.system(), null, p).alsoAbout(about);
    }

    /** Created / updated / unchanged counts per kind, and the milestones to re-judge. */
    private static final class Tally {
        private final int[] created = new int[3];
        private final int[] updated = new int[3];
        private final int[] unchanged = new int[3];

        void milestone(DefinitionStore.Change c, String id, Set<String> touched) {
            count(c, 0);
            if (c == DefinitionStore.Change.CREATED || c == DefinitionStore.Change.UPDATED) touched.add(id);
        }

        void sprint(DefinitionStore.Change c, List<String> milestones, Set<String> touched) {
            count(c, 1);
            if (c == DefinitionStore.Change.CREATED || c == DefinitionStore.Change.UPDATED) touched.addAll(milestones);
        }

        void feature(DefinitionStore.Change c, String id, List<String> changed) {
            count(c, 2);
            if (c != DefinitionStore.Change.UNCHANGED) changed.add(id);
        }

        private void count(DefinitionStore.Change c, int kind) {
            switch (c) {
                case CREATED -> created[kind]++;
                case UPDATED -> updated[kind]++;
                case UNCHANGED, PENDING -> unchanged[kind]++;
            }
        }

        Counts created() {
            return new Counts(created[0], created[1], created[2]);
        }

        Counts updated() {
            return new Counts(updated[0], updated[1], updated[2]);
        }

        Counts unchanged() {
            return new Counts(unchanged[0], unchanged[1], unchanged[2]);
        }
    }
}
