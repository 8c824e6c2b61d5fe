package studio.override;

import java.util.Set;

/** Studio's role names (API.md "Roles"). */
public final class StudioRoles {

    public static final String PRODUCT_OWNER = "product-owner";
    public static final String QA_LEAD = "qa-lead";
    public static final String DOMAIN_ARCHITECT = "domain-architect";
    public static final String SECURITY_OFFICER = "security-officer";
    public static final String COMPLIANCE_OFFICER = "compliance-officer";
    public static final String PLATFORM_ADMIN = "platform-admin";
    public static final String AUDITOR = "auditor";
    public static final String CI = "ci";

    /** People who may act on milestones: every human role but the read-only auditor (ci is a machine). */
    public static final Set<String> ACTING_HUMANS =
            Set.of(PRODUCT_OWNER, QA_LEAD, DOMAIN_ARCHITECT, SECURITY_OFFICER, COMPLIANCE_OFFICER, PLATFORM_ADMIN);

    private StudioRoles() {}
}
