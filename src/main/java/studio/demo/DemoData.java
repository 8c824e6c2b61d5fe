package studio.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import studio.governance.Actor;
import studio.governance.Roles;
import studio.ingest.EvidenceIntake;
import studio.input.Format;
import studio.milestone.Milestone;
import studio.milestone.MilestoneCommands;
import studio.override.OverrideDesk;
import studio.planning.DefinitionImport;
import studio.release.FreezeWindows;
import studio.release.ReleaseOrder;
import studio.release.ReleaseRequests;
import studio.release.approval.ReleaseDesk;
import studio.governance.ReleaseApproval.Decision;

/**
 * Demo data for `./studio run`: when enabled and the database holds no milestone, imports demo/definitions.yaml and
 * replays demo/evidence.yaml through the same services CI and people use, so the board, the audit trail, the approvals
 * inbox and the releases (completed in staging, failed and rolled back in qa, one waiting for approval in production
 * while a freeze holds there) start with a realistic history.
 */
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);
    private static final Actor CI = new Actor("service-account-studio-ci", Set.of(Roles.CI));

    @ConfigProperty(name = "studio.demo.enabled")
    boolean enabled;

    @Inject
    DefinitionImport definitions;
    @Inject
    EvidenceIntake intake;
    @Inject
    MilestoneCommands commands;
    @Inject
    OverrideDesk overrides;
    @Inject
    ObjectMapper json;
    @Inject
    ReleaseRequests releases;
    @Inject
    ReleaseDesk desk;
    @Inject
    FreezeWindows freezes;

    void onStart(@Observes StartupEvent event) {
        if (!enabled) return;
        boolean empty = QuarkusTransaction.requiringNew().call(() -> Milestone.count() == 0);
        if (!empty) return;
        load();
    }

    void load() {
        definitions.apply(resource("demo/definitions.yaml"), Format.YAML, CI);
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<JsonNode> steps = steps();
        for (JsonNode step : steps) replay(step, start.minus(step.path("at").asLong(), ChronoUnit.HOURS));
        LOG.infof("demo data loaded: %d steps of CI evidence and decisions", steps.size());
    }

    private void replay(JsonNode step, Instant at) {
        String kind = step.path("kind").asText();
        switch (kind) {
            case "event" -> intake.event(timestamped(step.path("body").asText(), at), null, CI);
            case "trace-matrix" -> intake.traceMatrix(step.path("sprint").asText(), withTests(step), null, CI);
            case "qa-report" -> intake.qaReport(step.path("sprint").asText(), step.path("body").asText(), true, null, CI);
            case "evaluate" -> commands.evaluate(step.path("milestone").asText(), person(step));
            case "override" -> overrides.request(step.path("milestone").asText(), strings(step.path("gates")),
                    step.path("reason").asText(), null, person(step));
            case "decide" -> commands.decide(step.path("milestone").asText(), step.path("gate").asText(), step.path("decision").asText(),
                    step.path("reason").asText(), person(step));
            case "release" -> releases.create(new ReleaseOrder(step.path("milestone").asText(), null, step.path("environment").asText(),
                    List.of(), null, null, List.of(), "manual"), person(step));
            case "promote" -> releases.promote(step.path("tag").asText(), step.path("environment").asText(), person(step));
            case "release-decision" -> desk.decide(step.path("tag").asText(), null, "approve".equals(step.path("decision").asText()) ? Decision.APPROVED : Decision.REJECTED, null,
                    step.path("reason").asText(), person(step));
            case "rollback" -> desk.rollback(step.path("tag").asText(), null, step.path("reason").asText(), person(step));
            case "freeze" -> QuarkusTransaction.requiringNew().run(() -> freezes.add(step.path("environment").asText(),
                    new FreezeWindows.Request(step.path("name").asText(), hoursFromNow(step.path("from")), hoursFromNow(step.path("until")),
                            null, null, "UTC", step.path("reason").asText()), person(step)));
            default -> throw new IllegalStateException("unknown demo step kind " + kind);
        }
    }

    /** A time this many hours from now (negative: before), as a freeze window takes it. */
    private static String hoursFromNow(JsonNode hours) {
        return Instant.now().truncatedTo(ChronoUnit.MINUTES).plus(hours.asLong(), ChronoUnit.HOURS).toString();
    }

    private String timestamped(String body, Instant at) {
        ObjectNode event = (ObjectNode) read(body);
        if (!event.has("timestamp")) event.put("timestamp", at.toString());
        return event.toString();
    }

    /** Trace matrices list their tests by name; the demo says how many and the names are generated. */
    private String withTests(JsonNode step) {
        ObjectNode matrix = (ObjectNode) read(step.path("body").asText());
        for (JsonNode feature : matrix.path("features")) {
            String id = feature.path("id").asText();
            if (!"@tests".equals(feature.path("tests").asText())) continue;
            ArrayNode tests = ((ObjectNode) feature).putArray("tests");
            for (int i = 1; i <= step.path("tests").path(id).asInt(); i++) tests.add(id + "Tests.case" + i);
        }
        return matrix.toString();
    }

    private static Actor person(JsonNode step) {
        String user = step.path("user").asText();
        return new Actor(user, Set.of(user));
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private List<JsonNode> steps() {
        List<JsonNode> out = new ArrayList<>();
        try {
            Iterator<JsonNode> it = new YAMLMapper().readTree(resource("demo/evidence.yaml")).elements();
            it.forEachRemaining(out::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(String path) {
        try (InputStream in = DemoData.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("missing resource " + path);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
