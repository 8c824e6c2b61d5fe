package studio.governance;

import java.util.Optional;

/** Every governance action must say why; the reason is what auditors read later. */
final class Reasons {

    private Reasons() {}

    static Optional<Verdict> required(String reason) {
        return reason == null || reason.isBlank() ? Optional.of(Verdict.badRequest("a reason is required")) : Optional.empty();
    }

    static String roles(java.util.List<String> roles) {
        return roles.size() == 1 ? "the role " + roles.get(0) : "one of the roles " + String.join(", ", roles);
    }
}
