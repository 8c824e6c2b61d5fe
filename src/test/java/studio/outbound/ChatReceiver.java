package studio.outbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;

/**
 * A chat service's incoming webhook inside the test: a real HTTP server on 127.0.0.1 with a Slack-like secret path,
 * recording each message's JSON and headers in arrival order. It answers 200 "ok" as Slack does, or 500 while told
 * to fail. {@link Receiver#await} waits for it.
 */
final class ChatReceiver implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request as it arrived. */
    record Message(JsonNode body, String contentType, String signature, String ceId, int answered) {}

    private final HttpServer server;
    private final String path = "/services/T0STUDIO/B0CHAT/" + UUID.randomUUID().toString().replace("-", "");
    private final List<Message> messages = new ArrayList<>();
    private volatile boolean failAlways;

    private ChatReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/services", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    static ChatReceiver start() throws IOException {
        return new ChatReceiver();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    ChatReceiver failAlways(boolean fail) {
        this.failAlways = fail;
        return this;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = !exchange.getRequestURI().getPath().equals(path) ? 404 : failAlways ? 500 : 200;
            synchronized (messages) {
                messages.add(new Message(JSON.readTree(body), exchange.getRequestHeaders().getFirst("Content-Type"),
                        exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER), exchange.getRequestHeaders().getFirst("ce-id"), status));
            }
            byte[] answer = (status == 200 ? "ok" : "no_service").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
        } finally {
            exchange.close();
        }
    }

    List<Message> messages() {
        synchronized (messages) {
            return List.copyOf(messages);
        }
    }

    /** The messages accepted (answered 200), their bodies, in arrival order. */
    List<JsonNode> accepted() {
        return messages().stream().filter(m -> m.answered() == 200).map(Message::body).toList();
    }

    /** The fallback text of each Slack message accepted. */
    List<String> slackTexts() {
        return accepted().stream().map(b -> b.path("text").asText()).toList();
    }

    /** The header of each Slack message accepted. */
    List<String> slackHeadlines() {
        return accepted().stream().map(b -> b.path("blocks").path(0).path("text").path("text").asText()).toList();
    }

    /** The headline of each Teams card accepted. */
    List<String> teamsHeadlines() {
        return accepted().stream().map(b -> b.path("attachments").path(0).path("content").path("body").path(0).path("text").asText()).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
