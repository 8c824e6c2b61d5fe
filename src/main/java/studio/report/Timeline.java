package studio.report;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.RestQuery;
import studio.governance.Roles;
import studio.input.InputProblem;
import studio.input.InvalidInputException;
import studio.web.Htmx;

/**
 * The programme timeline (GET /timeline): milestones and their contributing sprints on a time axis, as server-rendered
 * SVG with a table of the same rows, filtered by phase, owner and risk. A bad filter is a 400 page saying what was wrong.
 */
@Path("/timeline")
@RolesAllowed(Roles.EVERYONE)
@Produces(MediaType.TEXT_HTML)
public class Timeline {

    /** What the page shows: the chart, the filter and its options, and how many milestones matched and exist. */
    public record View(TimelineChart chart, TimelineFilter filter, List<String> phases, List<String> owners, int shown, int matching,
                       int allCount, String problem) {

        public boolean capped() {
            return shown < matching;
        }

        public boolean empty() {
            return shown == 0;
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance timeline(View view);
    }

    @Inject
    TimelineQuery query;

    @GET
    public Response timeline(@RestQuery String phase, @RestQuery String owner, @RestQuery("at_risk") String atRisk,
                             @RestQuery String limit) {
        Instant now = Instant.now();
        try {
            TimelineFilter filter = TimelineFilter.of(phase, owner, atRisk, limit);
            TimelineQuery.TimelineRead read = query.read(filter, LocalDate.ofInstant(now, ZoneOffset.UTC));
            filter.requireKnown(read.phases(), read.owners());
            TimelineChart chart = TimelineChart.of(read.milestones(), read.sprints(), now);
            return Htmx.varying(200, Templates.timeline(new View(chart, filter, read.phases(), read.owners(), read.milestones().size(),
                    read.matching(), read.allCount(), null)));
        } catch (InvalidInputException e) {
            TimelineQuery.TimelineRead all = query.read(TimelineFilter.NONE, LocalDate.ofInstant(now, ZoneOffset.UTC));
            String problem = e.problems().stream().map(InputProblem::describe).collect(Collectors.joining("; "));
            View refused = new View(TimelineChart.of(List.of(), List.of(), now), TimelineFilter.NONE, all.phases(), all.owners(), 0, 0,
                    all.allCount(), problem);
            return Htmx.varying(400, Templates.timeline(refused));
        }
    }
}
