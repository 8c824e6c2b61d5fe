package studio.release;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import studio.format.Durations;
import studio.governance.ApprovalRequirement;
import studio.governance.ReleaseEnvironment;
import studio.governance.ReleasePolicy;

/**
 * The release policy of every environment: Studio's defaults ({@link ReleasePolicy#defaultFor}) with what
 * release-policy.yaml changes, key by key:
 *
 * <pre>
 * production:
 *   approvals: {product-owner: 1, compliance-officer: 1}   # role: count; or a list of roles (one each); [] for none
 *   distinctApprovers: true
 *   approvalTtl: 24h         # 72h, 30m, 7d, PT24H; none: approvals do not expire
 *   approvalTimeout: 72h     # none: a paused release waits for ever
 *   protected: true          # at least one approver besides the requester, whatever approvals say (qa, production)
 * staging:
 *   approvals: []
 * </pre>
 */
public record ReleasePolicies(Map<ReleaseEnvironment, ReleasePolicy> byEnvironment) {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> KEYS = Set.of("approvals", "distinctApprovers", "approvalTtl", "approvalTimeout", "protected");

    public ReleasePolicies {
        Map<ReleaseEnvironment, ReleasePolicy> all = new EnumMap<>(ReleaseEnvironment.class);
        for (ReleaseEnvironment e : ReleaseEnvironment.values()) all.put(e, ReleasePolicy.defaultFor(e));
        if (byEnvironment != null) all.putAll(byEnvironment);
        byEnvironment = Collections.unmodifiableMap(all);
    }

    public static ReleasePolicies defaults() {
        return new ReleasePolicies(Map.of());
    }

    public ReleasePolicy policyFor(ReleaseEnvironment environment) {
        return byEnvironment.get(environment);
    }

    /** The last installation text parsed, with its policies (immutable, so shared). */
    private record Parsed(String yaml, ReleasePolicies policies) {}

    private static volatile Parsed installed;

    /** {@link #fromYaml} remembered for the text last asked for: the installation's release-policy.yaml changes with a restart. */
    static ReleasePolicies installed(String yaml) {
        Parsed p = installed;
        if (p == null || !p.yaml().equals(yaml)) installed = p = new Parsed(yaml, fromYaml(yaml));
        return p.policies();
    }

    /** @throws IllegalArgumentException saying what is wrong and where */
    public static ReleasePolicies fromYaml(String yaml) {
        JsonNode doc;
        try {
            doc = YAML.readTree(yaml == null ? "" : yaml);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("release-policy.yaml is not YAML: " + e.getOriginalMessage(), e);
        }
        if (doc == null || doc.isMissingNode() || doc.isNull()) return defaults(); // empty, or only comments
        return fromSettings(mapping(YAML.convertValue(doc, Object.class), "release-policy.yaml"));
    }

    /** Environment name to its settings, as {@link #fromYaml} reads them. */
    public static ReleasePolicies fromSettings(Map<String, ?> settings) {
        Map<ReleaseEnvironment, ReleasePolicy> out = new EnumMap<>(ReleaseEnvironment.class);
        settings.forEach((name, value) -> {
            ReleaseEnvironment env = ReleaseEnvironment.parse(name);
            out.put(env, apply(ReleasePolicy.defaultFor(env), mapping(value == null ? Map.of() : value, name)));
        });
        return new ReleasePolicies(out);
    }

    /**
     * These policies with {@code environment}'s changed by {@code settings} key by key (an environments: document over
     * the installation's release-policy.yaml).
     *
     * @throws IllegalArgumentException saying which setting is wrong
     */
    public ReleasePolicies with(ReleaseEnvironment environment, Map<String, ?> settings) {
        Map<ReleaseEnvironment, ReleasePolicy> out = new EnumMap<>(byEnvironment);
        out.put(environment, apply(policyFor(environment), settings));
        return new ReleasePolicies(out);
    }

    private static ReleasePolicy apply(ReleasePolicy base, Map<String, ?> s) {
        String env = base.environment().json();
        for (String key : s.keySet()) {
            if (!KEYS.contains(key)) throw new IllegalArgumentException(env + "." + key + " is not a policy setting (known: approvals, distinctApprovers, approvalTtl, approvalTimeout, protected)");
        }
        List<ApprovalRequirement> requirements = s.containsKey("approvals") ? requirements(env, s.get("approvals")) : base.requirements();
        boolean distinct = s.containsKey("distinctApprovers") ? bool(env + ".distinctApprovers", s.get("distinctApprovers")) : base.distinctApprovers();
        Duration ttl = s.containsKey("approvalTtl") ? duration(env + ".approvalTtl", s.get("approvalTtl")) : base.approvalTtl();
        Duration timeout = s.containsKey("approvalTimeout") ? duration(env + ".approvalTimeout", s.get("approvalTimeout")) : base.approvalTimeout();
        boolean guarded = s.containsKey("protected") ? bool(env + ".protected", s.get("protected")) : base.protectedEnvironment();
        try {
            return new ReleasePolicy(base.environment(), requirements, distinct, ttl, timeout, guarded);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(env + ": " + e.getMessage(), e);
        }
    }

    private static List<ApprovalRequirement> requirements(String env, Object value) {
        List<ApprovalRequirement> out = new ArrayList<>();
        try {
            if (value instanceof List<?> roles) roles.forEach(r -> out.add(ApprovalRequirement.one(String.valueOf(r))));
            else if (value instanceof Map<?, ?> counts) counts.forEach((role, n) -> out.add(new ApprovalRequirement(List.of(String.valueOf(role)), count(n))));
            else if (value != null && !"none".equals(value)) throw new IllegalArgumentException("write approvals as {role: count} or a list of roles");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(env + ".approvals: " + e.getMessage(), e);
        }
        return out;
    }

    private static int count(Object n) {
        if (n instanceof Integer i) return i;
        throw new IllegalArgumentException("an approval count is a whole number, not " + n);
    }

    private static boolean bool(String where, Object value) {
        if (value instanceof Boolean b) return b;
        throw new IllegalArgumentException(where + " must be true or false, not " + value);
    }

    private static Duration duration(String where, Object value) {
        if (value == null || "none".equals(value)) return null;
        try {
            return Durations.parse(String.valueOf(value));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    /** A YAML mapping with its keys as texts (YAML allows `1: x` or `true: x`). */
    private static Map<String, ?> mapping(Object value, String where) {
        if (!(value instanceof Map<?, ?> m)) throw new IllegalArgumentException(where + " must be a mapping, not " + value);
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }
}
