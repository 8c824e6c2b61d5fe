package studio.definition;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import studio.input.Spelling;

/**
 * Studio's roles as definitions name them. Only people decide: {@code auditor} is read-only and {@code ci} is a
 * service account, so neither may govern a milestone, approve its overrides or decide a manual gate. An installation
 * may declare further deciding roles ({@code studio.roles.extra}: tech-lead, operations-lead...), mapped from the
 * identity provider like the others; definitions may then name them where a deciding role goes.
 */
public enum Role {
    PRODUCT_OWNER("product-owner"),
    QA_LEAD("qa-lead"),
    DOMAIN_ARCHITECT("domain-architect"),
    SECURITY_OFFICER("security-officer"),
    COMPLIANCE_OFFICER("compliance-officer"),
    PLATFORM_ADMIN("platform-admin"),
    AUDITOR("auditor"),
    CI("ci");

    private final String id;

    Role(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public boolean decides() {
        return this != AUDITOR && this != CI;
    }

    public static Role byId(String id) {
        for (Role r : values()) if (r.id.equals(id)) return r;
        return null;
    }

    private static final Pattern EXTRA_NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    private static volatile List<String> extra = List.of();

    /** Every role a definition may name: the built-in ones, then the installation's extra deciding roles. */
    public static List<String> ids() {
        List<String> all = new ArrayList<>(Arrays.stream(values()).map(Role::id).toList());
        all.addAll(extra);
        return all;
    }

    /** The installation's extra deciding roles, as declared. */
    public static List<String> extra() {
        return extra;
    }

    /**
     * Declares the installation's extra deciding roles (studio.roles.extra), replacing any declared before.
     *
     * @throws IllegalArgumentException naming a role that is malformed or already built in
     */
    public static void declareExtra(List<String> roles) {
        for (String r : roles) {
            if (!EXTRA_NAME.matcher(r).matches()) {
                throw new IllegalArgumentException("studio.roles.extra: '" + r + "' is not a role name (lower-case words joined by '-')");
            }
            if (byId(r) != null) throw new IllegalArgumentException("studio.roles.extra: '" + r + "' is a built-in role already");
        }
        extra = List.copyOf(roles.stream().distinct().toList());
    }

    /** Why {@code id} may not decide as {@code what} ("governedBy"), or null when it may. */
    static String whyNotDecider(String what, String id) {
        Role role = byId(id);
        if (role == null && extra.contains(id)) return null;
        if (role == null) {
            return "unknown role '" + id + "'" + Spelling.didYouMean(id, ids())
                    + " for " + what + "; roles: " + String.join(", ", ids());
        }
        if (role == AUDITOR) return what + " cannot be 'auditor': auditors only read";
        if (role == CI) return what + " cannot be 'ci': it is a service account, and only people decide";
        return null;
    }
}
