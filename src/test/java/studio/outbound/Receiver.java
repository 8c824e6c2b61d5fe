package studio.outbound;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * A subscriber's endpoint inside the test: a real HTTP server on a free port that checks each delivery's signature
 * with the shared secret (as a subscriber would, with WebhookSignature) and records the CloudEvents it accepted, in
 * arrival order. It can be told to fail the first N requests, to fail always, or to answer slowly; it notices when
 * the same event is being delivered twice at the same moment.
 */
public final class Receiver implements AutoCloseable {

    /** One request as it arrived. */
    public record Arrival(CloudEvent event, String ceId, String contentType, WebhookSignature.Verification signature, int answered) {}

    private final HttpServer server;
    private final List<Arrival> arrivals = new ArrayList<>();
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final AtomicInteger overlaps = new AtomicInteger();
    private volatile String secret;
    private volatile int failFirst;
    private volatile boolean failAlways;
    private volatile Duration delay = Duration.ZERO;

    private Receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.start();
    }

    public static Receiver start() throws IOException {
        return new Receiver();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    public Receiver secret(String secret) {
        this.secret = secret;
        return this;
    }

    public Receiver failFirst(int n) {
        this.failFirst = n;
        return this;
    }

    public Receiver failAlways(boolean fail) {
        this.failAlways = fail;
        return this;
    }

    public Receiver delay(Duration delay) {
        this.delay = delay;
        return this;
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        CloudEvent event = CloudEvent.parse(new String(body, java.nio.charset.StandardCharsets.UTF_8));
        if (!inFlight.add(event.id())) overlaps.incrementAndGet();
        try {
            sleep(delay);
            WebhookSignature.Verification v = WebhookSignature.verify(secret, exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER),
                    body, Instant.now(), WebhookSignature.DEFAULT_TOLERANCE);
            int status = answer(v);
            synchronized (arrivals) {
                arrivals.add(new Arrival(event, exchange.getRequestHeaders().getFirst("ce-id"),
                        exchange.getRequestHeaders().getFirst("Content-Type"), v, status));
            }
            exchange.sendResponseHeaders(status, -1);
        } finally {
            inFlight.remove(event.id());
            exchange.close();
        }
    }

    private synchronized int answer(WebhookSignature.Verification v) {
        if (v != WebhookSignature.Verification.VALID) return 401;
        if (failAlways) return 500;
        if (failFirst > 0) {
            failFirst--;
            return 500;
        }
        return 204;
    }

    public List<Arrival> arrivals() {
        synchronized (arrivals) {
            return List.copyOf(arrivals);
        }
    }

    /** The events accepted (answered 2xx), in arrival order. */
    public List<CloudEvent> accepted() {
        return arrivals().stream().filter(a -> a.answered() < 300).map(Arrival::event).toList();
    }

    public int overlaps() {
        return overlaps.get();
    }

    /** Waits up to {@code limit} for the condition; answers whether it held. */
    public static boolean await(Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) return true;
            sleep(Duration.ofMillis(50));
        }
        return condition.getAsBoolean();
    }

    private static void sleep(Duration d) {
        if (d.isZero()) return;
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
