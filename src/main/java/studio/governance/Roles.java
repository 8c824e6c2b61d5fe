package studio.governance;

import java.util.List;

/** Studio's role names (docs/API.md "Roles"). Identity-provider roles are mapped to these in configuration. */
public final class Roles {
    public static final String PRODUCT_OWNER = "product-owner";
    public static final String QA_LEAD = "qa-lead";
    public static final String DOMAIN_ARCHITECT = "domain-architect";
    public static final String SECURITY_OFFICER = "security-officer";
    public static final String COMPLIANCE_OFFICER = "compliance-officer";
    public static final String PLATFORM_ADMIN = "platform-admin";
    public static final String AUDITOR = "auditor";
    public static final String CI = "ci";

    /** Every Studio role, in the order the UI lists them. */
    public static final List<String> ALL = List.of(PRODUCT_OWNER, QA_LEAD, DOMAIN_ARCHITECT, SECURITY_OFFICER,
            COMPLIANCE_OFFICER, PLATFORM_ADMIN, AUDITOR, CI);

    /** People's roles that may act (everyone but the read-only auditor and service accounts). */
    public static final List<String> ACTING_HUMANS = List.of(PRODUCT_OWNER, QA_LEAD, DOMAIN_ARCHITECT,
            SECURITY_OFFICER, COMPLIANCE_OFFICER, PLATFORM_ADMIN);

    /**
     * The role sets routes allow, named once: {@code @RolesAllowed(Roles.ACTING)} (every person who may act: the six
     * roles of {@link #ACTING_HUMANS}) and {@code @RolesAllowed(Roles.EVERYONE)} (those and the auditor and CI, as
     * {@link #ALL}). Quarkus resolves each to the list application.properties gives it (studio.roles.acting,
     * studio.roles.everyone); RoleSetsTest keeps those lists equal to the ones above.
     */
    public static final String ACTING = "${studio.roles.acting}";
    public static final String EVERYONE = "${studio.roles.everyone}";

    private Roles() {
    }
}
