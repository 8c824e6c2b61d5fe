package studio.web;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * A pipeline's "wait until" as one request ({@code GET .../wait?for=<state>&timeout=<seconds>}): Studio looks at the
 * state now and then every half second, holding no thread in between, and answers as soon as it is settled: 200 with
 * the item when the wanted state is reached, 409 problem+json when it can no longer be (the item ended elsewhere),
 * 408 problem+json when the timeout passed first. So {@code curl --fail} is the whole pipeline step.
 */
public final class LongPoll {

    public static final int DEFAULT_SECONDS = 30;
    public static final int MAX_SECONDS = 300;
    private static final Duration EVERY = Duration.ofMillis(500);

    /** What one look found: still waiting (null body), reached (the item's JSON), or refused (why). */
    public record Look(boolean settled, int status, String body) {

        public static Look waiting() {
            return new Look(false, 0, null);
        }

        public static Look reached(String json) {
            return new Look(true, 200, json);
        }

        public static Look refused(String why) {
            return new Look(true, 409, why);
        }
    }

    private LongPoll() {
    }

    /** The timeout asked for, in seconds ({@link #DEFAULT_SECONDS} when absent); 400 outside 1..{@link #MAX_SECONDS}. */
    public static Duration timeout(String seconds) {
        if (seconds == null || seconds.isBlank()) return Duration.ofSeconds(DEFAULT_SECONDS);
        try {
            int n = Integer.parseInt(seconds.strip());
            if (n >= 1 && n <= MAX_SECONDS) return Duration.ofSeconds(n);
        } catch (NumberFormatException e) {
            // refused below
        }
        throw ApiException.badRequest("timeout must be a whole number of seconds from 1 to " + MAX_SECONDS + ", not '" + seconds + "'");
    }

    /** Looks (each time in a read transaction of its own, on a worker thread) until settled or {@code timeout}. */
    public static Uni<Response> until(Duration timeout, String what, Supplier<Look> look) {
        return Multi.createFrom().ticks().startingAfter(Duration.ofMillis(1)).every(EVERY)
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(tick -> QuarkusTransaction.requiringNew().call(look::get))
                .filter(Look::settled)
                .toUni()
                .ifNoItem().after(timeout).recoverWithItem(() -> new Look(true, 408, what + " after " + timeout.toSeconds() + " s"))
                .map(LongPoll::answer);
    }

    private static Response answer(Look look) {
        if (look.status() == 200) return Response.ok(look.body(), MediaType.APPLICATION_JSON).build();
        return ApiErrors.response(look.status(), look.body()).build();
    }
}
