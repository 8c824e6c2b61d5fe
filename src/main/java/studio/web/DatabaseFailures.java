package studio.web;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * Whether a failure means PostgreSQL cannot be reached (down, restarting, network cut, no connection to be had in
 * time), as opposed to a failure of the request itself. Read from the cause chain: the driver's connection errors
 * (SQLState class 08), a server shutting down (57P01-57P03), a refused or unroutable socket, or the pool's
 * acquisition timeout.
 */
public final class DatabaseFailures {

    /** How long a client should wait before trying again, in seconds (the Retry-After of a 503). */
    public static final int RETRY_AFTER_SECONDS = 5;

    private DatabaseFailures() {
    }

    public static boolean unreachable(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof ConnectException || t instanceof NoRouteToHostException || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || state.startsWith("57P"))) return true;
                if (sql.getMessage() != null && sql.getMessage().contains("Acquisition timeout")) return true;
            }
        }
        return false;
    }
}
