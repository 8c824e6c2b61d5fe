package studio.outbound;

import java.time.Duration;

/**
 * How one delivery attempt ended: the receiver answered with a status, or could not be reached (refused connection,
 * timeout, TLS failure). Only a 2xx answer delivers; anything else is retried.
 */
public sealed interface AttemptResult {

    Duration took();

    boolean delivered();

    /** What the attempt list shows: "HTTP 503" or the connection error. */
    String describe();

    record Answered(int status, Duration took) implements AttemptResult {
        public boolean delivered() {
            return status >= 200 && status < 300;
        }

        public String describe() {
            return "HTTP " + status;
        }
    }

    record Unreachable(String error, Duration took) implements AttemptResult {
        public boolean delivered() {
            return false;
        }

        public String describe() {
            return error;
        }
    }
}
