package studio.governance;


/**
 * A person approving or rejecting a release.
 *
 * @param role the capacity they decide in, or null to let the ledger pick the first role they hold that still
 *             needs an approval
 */
public record ApprovalRequest(Actor actor, ReleaseApproval.Decision decision, String role, String reason) {}
