package studio.release;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import studio.audit.AuditEntry;
import studio.audit.AuditEntry.Subject;
import studio.audit.AuditLog;
import studio.audit.Refusals;
import studio.definition.EnvironmentDefinition;
import studio.governance.Actor;
import studio.governance.DeploymentRules;
import studio.governance.EnvironmentChangePolicy;
import studio.governance.ReleaseEnvironment;
import studio.governance.ReleasePolicy;
import studio.input.InputProblem;
import studio.input.InvalidInputException;
import studio.persistence.Row;
import studio.persistence.Rows;
import studio.web.ApiException;

/**
 * Environments as definitions (docs/API.md "Environments and promotions"): what an {@code environments:} document
 * sets over the installation's release policy, which every release and promotion then binds. A change that only
 * tightens an environment is in force at once; one that loosens it ({@link EnvironmentChangePolicy}) waits for a second
 * person, so no single person (a platform admin included) makes production easier to reach. Freeze windows a document
 * names are added; a document never removes one.
 */
@ApplicationScoped
@jakarta.inject.Named("lifecycle")
public class EnvironmentDefinitions {

    private static final TypeReference<Map<String, Object>> SETTINGS = new TypeReference<>() {};

    /** An environment's stored definition: the settings written and whether a version must complete there first. */
    public record Stored(Map<String, Object> policy, boolean required, String definedBy, Instant definedAt) {}

    /** A change that loosens an environment, waiting for (or given) a second person's decision. */
    public record Change(long id, String environment, String status, Map<String, Object> policy, boolean required, List<String> weakenings,
                         String author, Instant proposedAt, String decidedBy, String decisionReason) {}

    @Inject
    EntityManager em;
    @Inject
    ReleaseSettings settings;
    @Inject
    AuditLog audit;
    @Inject
    ObjectMapper json;
    @Inject
    Refusals refusals;
    @Inject
    FreezeWindows freezes;

    /** The policies in force: the installation's, with each stored definition over its environment. */
    public studio.release.ReleasePolicies policies() {
        return policies(stored());
    }

    /** Environments a version may skip: stored as not required, else as the installation lists them. */
    public Set<ReleaseEnvironment> optional() {
        return optional(stored());
    }

    /** {@link #optional()} from definitions already read. */
    public Set<ReleaseEnvironment> optional(Map<ReleaseEnvironment, Stored> stored) {
        Set<ReleaseEnvironment> out = EnumSet.noneOf(ReleaseEnvironment.class);
        for (ReleaseEnvironment e : ReleaseEnvironment.values()) {
            Stored s = stored.get(e);
            if (s != null ? !s.required() : settings.optional().contains(e)) out.add(e);
        }
        return out;
    }

    /**
     * The environments a new version may start in, in lifecycle order: the first required one and any optional ones
     * before it ({@link studio.governance.PromotionPath#firstDeploymentRefusal}); the forms that request a release offer
     * exactly these.
     */
    public List<String> starts() {
        Set<ReleaseEnvironment> optional = optional();
        return java.util.Arrays.stream(ReleaseEnvironment.values())
                .filter(e -> studio.governance.PromotionPath.firstDeploymentRefusal(e, optional).isEmpty()).map(ReleaseEnvironment::json).toList();
    }

    /** Every stored definition, by environment (three rows at most). */
    public Map<ReleaseEnvironment, Stored> stored() {
        Map<ReleaseEnvironment, Stored> out = new EnumMap<>(ReleaseEnvironment.class);
        Rows.list(em, "select name, policy::text as policy, required, defined_by, defined_at from environment_definition", r -> {
            out.put(ReleaseEnvironment.parse(r.text("name")), new Stored(settings(r.text("policy")), r.flag("required"), r.text("defined_by"),
                    r.instant("defined_at")));
            return null;
        });
        return out;
    }

    /** Changes waiting for a decision, oldest first. */
    public List<Change> pending() {
        return Rows.list(em, CHANGE + " where status = 'pending' order by id", this::change);
    }

    /** Applies an import's environments: entries (inside its transaction); says in the event what became of each. */
    void onDefined(@Observes EnvironmentsDefined defined) {
        for (EnvironmentDefinition d : defined.environments()) defined.outcomes().add(define(d, defined.actor()));
    }

    private EnvironmentsDefined.Outcome define(EnvironmentDefinition d, Actor actor) {
        ReleaseEnvironment env = ReleaseEnvironment.parse(d.name());
        Map<ReleaseEnvironment, Stored> stored = stored();
        Stored current = stored.get(env);
        Map<String, Object> merged = new LinkedHashMap<>(current == null ? Map.of() : current.policy());
        merged.putAll(d.policy());
        boolean requiredBefore = !optional().contains(env);
        boolean required = d.required() != null ? d.required() : requiredBefore;
        ReleasePolicy before = policies(stored).policyFor(env);
        ReleasePolicy after;
        try {
            after = settings.policies().with(env, approvalSettings(merged)).policyFor(env);
        } catch (IllegalArgumentException e) {
            throw problem(d.line(), e.getMessage());
        }
        List<String> added = addWindows(env, d, actor);
        if (current != null && merged.equals(current.policy()) && required == current.required()
                || current == null && d.policy().isEmpty() && required == requiredBefore) {
            return new EnvironmentsDefined.Outcome(env.json(), "unchanged", null, List.of(), added);
        }
        List<String> weakenings = new java.util.ArrayList<>(EnvironmentChangePolicy.weakenings(before, requiredBefore, after, required));
        weakenings.addAll(DeploymentRules.of(current == null ? Map.of() : current.policy()).weakeningsTo(DeploymentRules.of(merged), env.json()));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (weakenings.isEmpty()) {
            store(env, merged, required, actor.name(), now);
            audit.record(actor, AuditEntry.of("EnvironmentDefined", Subject.system(), null, payload(env, after, required, merged)));
            return new EnvironmentsDefined.Outcome(env.json(), "defined", null, List.of(), added);
        }
        Rows.update(em, "update environment_change set status = 'superseded' where name = ? and status = 'pending'", env.json());
        long id = Rows.first(em, """
                insert into environment_change (name, policy, required, weakenings, author, author_roles, proposed_at)
                values (?, cast(? as jsonb), ?, ?, ?, ?, ?) returning id""", r -> r.number("id"), env.json(), write(merged), required,
                weakenings.toArray(String[]::new), actor.name(), actor.sortedRoles(), now).orElseThrow();
        ObjectNode p = payload(env, after, required, merged).put("change_id", id);
        weakenings.forEach(p.putArray("weakenings")::add);
        audit.record(actor, AuditEntry.of("EnvironmentChangeProposed", Subject.system(), null, p));
        return new EnvironmentsDefined.Outcome(env.json(), "held", id, weakenings, added);
    }

    /** Approves (putting it in force) or rejects a change that loosens an environment. */
    @Transactional
    public Change decide(String environment, long id, boolean approve, String reason, Actor actor) {
        Change c = Rows.first(em, CHANGE + " where id = ? and name = ? for update", this::change, id, environment)
                .orElseThrow(() -> ApiException.notFound("unknown change " + id + " to environment " + environment));
        refusals.enforce(EnvironmentChangePolicy.decide(actor, environment, c.author(), "pending".equals(c.status()), reason), actor,
                (approve ? "approve" : "reject") + " change " + id + " to environment " + environment, Subject.system());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Rows.update(em, """
                update environment_change set status = ?, decided_by = ?, decided_roles = ?, decided_at = ?, decision_reason = ? where id = ?""",
                approve ? "approved" : "rejected", actor.name(), actor.sortedRoles(), now, reason.strip(), id);
        ReleaseEnvironment env = ReleaseEnvironment.parse(environment);
        ObjectNode p = json.createObjectNode().put("environment", environment).put("change_id", id).put("proposed_by", c.author())
                .put("reason", reason.strip());
        c.weakenings().forEach(p.putArray("weakenings")::add);
        if (approve) {
            store(env, c.policy(), c.required(), c.author(), now);
            p.put("approved_by", actor.name()).put("policy", policies().policyFor(env).describe()).put("required", c.required());
            audit.record(actor, AuditEntry.of("EnvironmentRedefined", Subject.system(), null, p));
        } else {
            audit.record(actor, AuditEntry.of("EnvironmentChangeRejected", Subject.system(), null, p));
        }
        return Rows.first(em, CHANGE + " where id = ?", this::change, id).orElseThrow();
    }

    /** {@link #policies()} from definitions already read. */
    public studio.release.ReleasePolicies policies(Map<ReleaseEnvironment, Stored> stored) {
        studio.release.ReleasePolicies p = settings.policies();
        for (var e : stored.entrySet()) p = p.with(e.getKey(), approvalSettings(e.getValue().policy()));
        return p;
    }

    /** What a deployment to {@code environment} waits for and how it recovers, as its definition in force says (none: the installation's). */
    public DeploymentRules deployment(ReleaseEnvironment environment) {
        Stored s = stored().get(environment);
        return s == null ? DeploymentRules.NONE : DeploymentRules.of(s.policy());
    }

    /** A definition's approval policy keys alone (the rest are its {@link DeploymentRules}). */
    private static Map<String, Object> approvalSettings(Map<String, Object> settings) {
        Map<String, Object> out = new LinkedHashMap<>(settings);
        out.keySet().removeAll(DeploymentRules.KEYS);
        return out;
    }

    private void store(ReleaseEnvironment env, Map<String, Object> policy, boolean required, String by, Instant at) {
        Rows.update(em, """
                insert into environment_definition (name, policy, required, defined_by, defined_at) values (?, cast(? as jsonb), ?, ?, ?)
                on conflict (name) do update set policy = excluded.policy, required = excluded.required, defined_by = excluded.defined_by,
                    defined_at = excluded.defined_at""", env.json(), write(policy), required, by, at);
    }

    /** Adds the windows the entry names that the environment does not have (by name, in force or ahead). */
    private List<String> addWindows(ReleaseEnvironment env, EnvironmentDefinition d, Actor actor) {
        List<String> names = freezes.of(env.json()).stream().map(w -> w.name()).toList();
        List<String> added = new java.util.ArrayList<>();
        for (EnvironmentDefinition.FreezeWindowSpec w : d.freezeWindows()) {
            if (names.contains(w.name())) continue;
            try {
                freezes.add(env.json(), new FreezeWindows.Request(w.name(), w.from(), w.until(), w.weeklyFrom(), w.weeklyUntil(),
                        w.timeZone() == null ? "UTC" : w.timeZone(), w.reason()), actor);
            } catch (ApiException e) {
                throw problem(w.line(), "freezeWindows '" + w.name() + "': " + e.getMessage());
            }
            added.add(w.name());
        }
        return List.copyOf(added);
    }

    private ObjectNode payload(ReleaseEnvironment env, ReleasePolicy policy, boolean required, Map<String, Object> settings) {
        ObjectNode p = json.createObjectNode().put("environment", env.json()).put("policy", policy.describe()).put("required", required);
        p.set("settings", json.valueToTree(settings));
        return p;
    }

    private static InvalidInputException problem(int line, String message) {
        return new InvalidInputException(List.of(new InputProblem(message, line, null, "$.environments")));
    }

    private static final String CHANGE = """
            select id, name, status, policy::text as policy, required, weakenings, author, proposed_at, decided_by, decision_reason
            from environment_change""";

    private Change change(Row r) {
        return new Change(r.number("id"), r.text("name"), r.text("status"), settings(r.text("policy")), r.flag("required"), r.texts("weakenings"),
                r.text("author"), r.instant("proposed_at"), r.text("decided_by"), r.text("decision_reason"));
    }

    private Map<String, Object> settings(String text) {
        try {
            return json.readValue(text, SETTINGS);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("an environment definition that is not JSON: " + text, e);
        }
    }

    private String write(Map<String, Object> settings) {
        try {
            return json.writeValueAsString(settings);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
