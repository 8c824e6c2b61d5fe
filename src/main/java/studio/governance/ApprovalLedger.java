package studio.governance;

import static studio.governance.ReleaseApproval.Decision.APPROVED;
import static studio.governance.ReleaseApproval.Decision.REJECTED;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import studio.governance.ApprovalStatus.Discounted;
import studio.governance.ApprovalStatus.Missing;
import studio.governance.ApprovalVerdict.Accepted;
import studio.governance.ApprovalVerdict.Refused;

/**
 * Reads a release's approvals against its {@link ReleasePolicy}, and decides whether a new approval or rejection
 * may be recorded.
 *
 * <p>An approval counts when it was not given by the requester, is in a role the policy needs, approved the
 * release's current content (same content hash), has not expired, and fills an open place: a person fills one
 * place per requirement and, with distinct approvers, one place in all. Approvals are read in time order, so the
 * earlier of two competing approvals counts. Any rejection by an entitled person stops the release, whatever
 * content it judged. Checks of a new decision run in a fixed order, so one request always gets the same answer:
 * who is asking (403), then what was decided already (409), then the reason (400).
 */
public final class ApprovalLedger {

    private ApprovalLedger() {}

    public static ApprovalStatus evaluate(ReleasePolicy policy, String requester, List<ReleaseApproval> approvals, String contentHash, Instant now) {
        List<ReleaseApproval> ordered = inOrder(approvals);
        Optional<ReleaseApproval> rejection = ordered.stream()
                .filter(a -> a.decision() == REJECTED && !a.approver().equals(requester) && policy.requirementFor(a.role()).isPresent())
                .findFirst();
        if (rejection.isPresent()) {
            ReleaseApproval r = rejection.get();
            return new ApprovalStatus.Rejected(r, "Rejected by " + r.approver() + " (" + r.role() + "): " + r.reason());
        }
        Tally tally = new Tally(policy, requester, ordered, contentHash, now);
        List<Missing> missing = tally.missing();
        if (missing.isEmpty()) return new ApprovalStatus.Satisfied(tally.counted, tally.discounted, satisfied(policy, tally));
        return new ApprovalStatus.Waiting(missing, tally.counted, tally.discounted, waiting(missing, tally));
    }

    /** Whether {@code request} may be recorded now; {@link Accepted} names the role it is recorded in. */
    public static ApprovalVerdict check(ReleasePolicy policy, String requester, List<ReleaseApproval> approvals, String contentHash, Instant now,
                                       ApprovalRequest request) {
        Actor actor = request.actor();
        String verb = request.decision() == APPROVED ? "approve" : "reject";
        if (Objects.equals(actor.name(), requester)) return new Refused(403, "you requested this release; another person must " + verb + " it");
        if (!policy.gated()) return new Refused(409, policy.describe());
        Tally tally = new Tally(policy, requester, inOrder(approvals), contentHash, now);
        ApprovalVerdict capacity = capacity(policy, request, verb, tally);
        if (!(capacity instanceof Accepted accepted)) return capacity;
        if (request.decision() == APPROVED) {
            Optional<Refused> taken = placeTaken(policy, tally, actor.name(), accepted.role());
            if (taken.isPresent()) return taken.get();
        }
        if (request.reason() == null || request.reason().isBlank()) return new Refused(400, "a reason is required");
        return accepted;
    }

    /** The decision to store once {@link #check} accepted it: bound to {@code contentHash}, expiring per the policy. */
    public static ReleaseApproval record(ReleasePolicy policy, ApprovalRequest request, Accepted accepted, String contentHash, Instant now) {
        Instant expires = request.decision() == APPROVED ? policy.expiryFor(now) : null;
        return new ReleaseApproval(request.actor().name(), accepted.role(), request.decision(), request.reason().trim(), now, expires, contentHash);
    }

    /** The role the person decides in: the one they named, else the first they hold that still has an open place. */
    private static ApprovalVerdict capacity(ReleasePolicy policy, ApprovalRequest request, String verb, Tally tally) {
        List<String> needed = policy.approverRoles();
        String wanted = request.role();
        if (wanted != null) {
            if (!needed.contains(wanted)) return new Refused(403, policy.environment().json() + " releases are decided by " + roles(needed) + ", not by " + wanted);
            if (!request.actor().holds(wanted)) return new Refused(403, "you do not hold the role " + wanted);
            return new Accepted(wanted);
        }
        List<String> held = needed.stream().filter(request.actor()::holds).toList();
        if (held.isEmpty()) return new Refused(403, "to " + verb + " " + policy.environment().json() + " releases you need " + roles(needed));
        String person = request.actor().name();
        return new Accepted(held.stream().filter(r -> tally.open(r, person)).findFirst().orElse(held.get(0)));
    }

    private static Optional<Refused> placeTaken(ReleasePolicy policy, Tally tally, String person, String role) {
        ApprovalRequirement requirement = policy.requirementFor(role).orElseThrow();
        Optional<ReleaseApproval> same = tally.countedIn(requirement).stream().filter(a -> a.approver().equals(person)).findFirst();
        if (same.isPresent()) return Optional.of(new Refused(409, "you already approved this release as " + same.get().role()));
        Optional<ReleaseApproval> other = tally.countedFor(person);
        if (policy.distinctApprovers() && other.isPresent()) {
            return Optional.of(new Refused(409, "you already approved this release as " + other.get().role() + "; the " + role
                    + " approval must come from a different person"));
        }
        List<ReleaseApproval> filled = tally.countedIn(requirement);
        if (filled.size() >= requirement.count()) {
            return Optional.of(new Refused(409, "no further " + role + " approval is needed: already given by " + names(filled)));
        }
        return Optional.empty();
    }

    private static String satisfied(ReleasePolicy policy, Tally tally) {
        if (!policy.gated()) return policy.describe();
        return "Approved by " + tally.counted.stream().map(a -> a.approver() + " (" + a.role() + ")").collect(Collectors.joining(" and ")) + notCounted(tally);
    }

    private static String waiting(List<Missing> missing, Tally tally) {
        String needed = missing.stream().map(m -> m.requirement().describe(m.stillNeeded())).collect(Collectors.joining(" and "));
        StringBuilder out = new StringBuilder("Waiting for approval by ").append(needed);
        if (!tally.counted.isEmpty()) {
            out.append(". Approved so far by ").append(tally.counted.stream().map(a -> a.approver() + " (" + a.role() + ")").collect(Collectors.joining(", ")));
            if (tally.policy.distinctApprovers()) out.append("; the remaining approvals must come from other people");
        }
        return out.append(notCounted(tally)).toString();
    }

    private static String notCounted(Tally tally) {
        if (tally.discounted.isEmpty()) return ".";
        return ". Not counted: " + tally.discounted.stream().map(d -> d.approval().approver() + "'s approval as " + d.approval().role() + " " + d.why())
                .collect(Collectors.joining("; ")) + ".";
    }

    private static List<ReleaseApproval> inOrder(List<ReleaseApproval> approvals) {
        List<ReleaseApproval> ordered = new ArrayList<>(approvals);
        ordered.sort(Comparator.comparing(ReleaseApproval::at));
        return ordered;
    }

    private static String roles(List<String> roles) {
        return roles.size() == 1 ? "the role " + roles.get(0) : "one of the roles " + String.join(", ", roles);
    }

    private static String names(List<ReleaseApproval> approvals) {
        return approvals.stream().map(ReleaseApproval::approver).collect(Collectors.joining(", "));
    }

    /** The approvals that count, the ones that do not and why, in time order. */
    private static final class Tally {
        final ReleasePolicy policy;
        final List<ReleaseApproval> counted = new ArrayList<>();
        final List<Discounted> discounted = new ArrayList<>();

        Tally(ReleasePolicy policy, String requester, List<ReleaseApproval> ordered, String contentHash, Instant now) {
            this.policy = policy;
            for (ReleaseApproval a : ordered) {
                if (a.decision() != APPROVED) continue;
                Optional<String> why = whyNot(a, requester, contentHash, now);
                if (why.isPresent()) discounted.add(new Discounted(a, why.get()));
                else counted.add(a);
            }
        }

        private Optional<String> whyNot(ReleaseApproval a, String requester, String contentHash, Instant now) {
            Optional<ApprovalRequirement> requirement = policy.requirementFor(a.role());
            if (a.approver().equals(requester)) return Optional.of("was given by the requester, who cannot approve");
            if (requirement.isEmpty()) return Optional.of("is in a role " + policy.environment().json() + " releases do not need");
            if (!Objects.equals(a.contentHash(), contentHash)) {
                return Optional.of("is stale: it approved other content (" + shortHash(a.contentHash()) + ", now " + shortHash(contentHash)
                        + ") because the evidence changed since; it must be given again");
            }
            if (a.expiredAt(now)) return Optional.of("expired at " + a.expiresAt() + "; it must be given again");
            if (countedIn(requirement.get()).stream().anyMatch(c -> c.approver().equals(a.approver()))) return Optional.of("repeats an earlier one");
            Optional<ReleaseApproval> other = countedFor(a.approver());
            if (policy.distinctApprovers() && other.isPresent()) {
                return Optional.of("comes from someone who already approved as " + other.get().role() + "; approvers must be different people");
            }
            if (countedIn(requirement.get()).size() >= requirement.get().count()) return Optional.of("was not needed any more");
            return Optional.empty();
        }

        /** Whether {@code person} could still fill a place in {@code role}'s requirement. */
        boolean open(String role, String person) {
            ApprovalRequirement r = policy.requirementFor(role).orElseThrow();
            List<ReleaseApproval> in = countedIn(r);
            boolean elsewhere = policy.distinctApprovers() && countedFor(person).isPresent();
            return in.size() < r.count() && in.stream().noneMatch(a -> a.approver().equals(person)) && !elsewhere;
        }

        List<ReleaseApproval> countedIn(ApprovalRequirement r) {
            return counted.stream().filter(a -> r.roles().contains(a.role())).toList();
        }

        Optional<ReleaseApproval> countedFor(String person) {
            return counted.stream().filter(a -> a.approver().equals(person)).findFirst();
        }

        List<Missing> missing() {
            return policy.requirements().stream().map(r -> new Missing(r, r.count() - countedIn(r).size())).filter(m -> m.stillNeeded() > 0).toList();
        }

        private static String shortHash(String hash) {
            if (hash == null) return "no content hash";
            return "sha256 " + (hash.length() > 12 ? hash.substring(0, 12) + "…" : hash);
        }
    }
}
