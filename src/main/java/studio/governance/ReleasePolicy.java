package studio.governance;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import studio.format.Durations;

/**
 * Who must approve a release to one environment before Studio hands it to CI (docs/API.md "Roles": approve / reject a
 * release per the environment's policy). Nobody approves or rejects a release they requested; that rule is not
 * configurable.
 *
 * @param requirements      empty when the environment needs no approval; no role appears in two of them
 * @param distinctApprovers one person fills at most one requirement (production: product-owner and
 *                          compliance-officer are two people); within one requirement people are always distinct
 * @param approvalTtl       how long an approval counts after it was given; null: until the content changes
 * @param approvalTimeout   how long a release may wait for approvals before it is aborted; null: no limit
 * @param protectedEnvironment releases there always need at least one approver besides the requester: a policy that
 *                          names none is refused (qa and production are protected unless configured otherwise)
 */
public record ReleasePolicy(ReleaseEnvironment environment, List<ApprovalRequirement> requirements, boolean distinctApprovers,
                            Duration approvalTtl, Duration approvalTimeout, boolean protectedEnvironment) {

    public static final Duration DEFAULT_TTL = Duration.ofHours(24);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofHours(72);

    public ReleasePolicy {
        requirements = List.copyOf(requirements);
        Set<String> seen = new HashSet<>();
        for (ApprovalRequirement r : requirements) {
            for (String role : r.roles()) {
                if (!seen.add(role)) throw new IllegalArgumentException("role " + role + " appears in two approval requirements of " + environment.json());
            }
        }
        requirePositive("approvalTtl", approvalTtl);
        requirePositive("approvalTimeout", approvalTimeout);
        if (protectedEnvironment && requirements.isEmpty()) {
            throw new IllegalArgumentException(environment.json() + " is protected: its releases need at least one approver besides the requester"
                    + " (name approvals, or set protected: false to release there without approval)");
        }
    }

    /** A policy for an environment that is not protected. */
    public ReleasePolicy(ReleaseEnvironment environment, List<ApprovalRequirement> requirements, boolean distinctApprovers, Duration approvalTtl,
                         Duration approvalTimeout) {
        this(environment, requirements, distinctApprovers, approvalTtl, approvalTimeout, false);
    }

    /**
     * Studio's defaults: staging needs nobody; qa one qa-lead; production one product-owner and one
     * compliance-officer, two different people. Approvals count for 24 hours; a release waits 72 hours at most.
     * qa and production are protected: no configuration can leave them without an approver.
     */
    public static ReleasePolicy defaultFor(ReleaseEnvironment environment) {
        return switch (environment) {
            case STAGING -> new ReleasePolicy(environment, List.of(), true, null, null);
            case QA -> new ReleasePolicy(environment, List.of(ApprovalRequirement.one(Roles.QA_LEAD)), true, DEFAULT_TTL, DEFAULT_TIMEOUT, true);
            case PRODUCTION -> new ReleasePolicy(environment, List.of(ApprovalRequirement.one(Roles.PRODUCT_OWNER),
                    ApprovalRequirement.one(Roles.COMPLIANCE_OFFICER)), true, DEFAULT_TTL, DEFAULT_TIMEOUT, true);
        };
    }

    /** The release pauses for approval. */
    public boolean gated() {
        return !requirements.isEmpty();
    }

    /**
     * This policy for a release whose trigger or milestone says manualApprovalRequired, naming who must approve: one
     * more approval, by any of {@code roles}, unless one of them must approve already (then it is unchanged). With no
     * roles named, an environment that needs approvals is unchanged and one that needs none takes a product-owner.
     * Only ever stricter; the default TTL and timeout apply when the environment had none.
     */
    public ReleasePolicy withManualApproval(List<String> roles) {
        boolean named = roles != null && !roles.isEmpty();
        if (!named && gated()) return this;
        List<String> who = named ? roles : List.of(Roles.PRODUCT_OWNER);
        if (who.stream().anyMatch(r -> requirementFor(r).isPresent())) return this;
        List<ApprovalRequirement> more = new java.util.ArrayList<>(requirements);
        more.add(new ApprovalRequirement(who, 1));
        return new ReleasePolicy(environment, more, distinctApprovers,
                approvalTtl == null ? DEFAULT_TTL : approvalTtl, approvalTimeout == null ? DEFAULT_TIMEOUT : approvalTimeout, protectedEnvironment);
    }

    /** The requirement an approval in {@code role} counts for. */
    public Optional<ApprovalRequirement> requirementFor(String role) {
        return requirements.stream().filter(r -> r.roles().contains(role)).findFirst();
    }

    /** Every role that can approve, in the policy's order. */
    public List<String> approverRoles() {
        return requirements.stream().flatMap(r -> r.roles().stream()).toList();
    }

    /** When an approval given at {@code at} stops counting; null when approvals do not expire. */
    public Instant expiryFor(Instant at) {
        return approvalTtl == null ? null : at.plus(approvalTtl);
    }

    /** "production releases need approval by a product-owner and a compliance-officer (different people)". */
    public String describe() {
        if (!gated()) return environment.json() + " releases need no approval";
        String all = requirements.stream().map(r -> r.describe(r.count())).collect(Collectors.joining(" and "));
        boolean severalPeople = requirements.stream().mapToInt(ApprovalRequirement::count).sum() > 1;
        boolean different = requirements.stream().anyMatch(r -> r.count() > 1) || (distinctApprovers && severalPeople);
        return environment.json() + " releases need approval by " + all + (different ? " (different people)" : "");
    }

    private static void requirePositive(String name, Duration d) {
        if (d != null && (d.isZero() || d.isNegative())) throw new IllegalArgumentException(name + " must be positive, not " + Durations.spelled(d));
    }
}
