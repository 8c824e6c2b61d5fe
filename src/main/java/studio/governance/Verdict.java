package studio.governance;

/** A policy's answer to "may this person do this now?": allowed, or refused with the HTTP status and the reason. */
public sealed interface Verdict {

    Allowed ALLOWED = new Allowed();

    boolean allowed();

    record Allowed() implements Verdict {
        public boolean allowed() {
            return true;
        }
    }

    /** {@code status}: 400 bad input, 403 this person may not, 409 not in the current state. */
    record Refused(int status, String message) implements Verdict {
        public boolean allowed() {
            return false;
        }
    }

    static Refused badRequest(String message) {
        return new Refused(400, message);
    }

    static Refused forbidden(String message) {
        return new Refused(403, message);
    }

    static Refused conflict(String message) {
        return new Refused(409, message);
    }
}
