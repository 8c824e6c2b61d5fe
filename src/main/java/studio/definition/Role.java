package studio.definition;

import java.util.Arrays;
import java.util.List;

/**
 * Studio's roles as definitions name them. Only people decide: {@code auditor} is read-only and {@code ci} is a
 * service account, so neither may govern a milestone, approve its overrides or decide a manual gate.
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

    public static List<String> ids() {
        return Arrays.stream(values()).map(Role::id).toList();
    }

    /** Why {@code id} may not decide as {@code what} ("governedBy"), or null when it may. */
    static String whyNotDecider(String what, String id) {
        Role role = byId(id);
        if (role == null) {
            return "unknown role '" + id + "'" + studio.input.Spelling.didYouMean(id, ids())
                    + " for " + what + "; roles: " + String.join(", ", ids());
        }
        if (role == AUDITOR) return what + " cannot be 'auditor': auditors only read";
        if (role == CI) return what + " cannot be 'ci': it is a service account, and only people decide";
        return null;
    }
}
