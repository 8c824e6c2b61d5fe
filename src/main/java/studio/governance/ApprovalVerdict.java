package studio.governance;

/** The ledger's answer to "may this person approve or reject now?". */
public sealed interface ApprovalVerdict {

    /** Allowed, deciding in {@code role}. */
    record Accepted(String role) implements ApprovalVerdict {}

    /** {@code status}: 400 bad input, 403 this person may not, 409 not now (already decided, enough approvals). */
    record Refused(int status, String message) implements ApprovalVerdict {}
}
