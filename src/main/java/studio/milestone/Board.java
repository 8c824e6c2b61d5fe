package studio.milestone;

import studio.governance.Roles;
import static studio.governance.Roles.*;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import studio.governance.MilestoneState;
import studio.web.Htmx;

/**
 * The milestone board (GET /board): a lane per lifecycle state, a card per milestone, filters in the URL. The page
 * polls /board/changes, which answers 204 while nothing changed and otherwise swaps in just the changed cards.
 */
@Path("/board")
@Singleton
@RolesAllowed(Roles.EVERYONE)
@Produces(MediaType.TEXT_HTML)
public class Board {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance board(BoardView view, String definitionsUrl);

        static native TemplateInstance board$lanes(BoardView view, String definitionsUrl);

        static native TemplateInstance board$card(BoardCard card);

        static native TemplateInstance board$changes(BoardChanges changes, BoardView view);

        static native TemplateInstance lane(LanePage page);

        static native TemplateInstance lane$more(LanePage page);
    }

    @Inject
    BoardRows rows;

    /** Cards rendered once and reused until what they show changes (one per instance: this resource is a singleton). */
    private final BoardCards cards = new BoardCards(card -> Templates.board$card(card).render());

    @GET
    public Response board(@RestQuery String phase, @RestQuery String owner, @RestQuery String label, @RestQuery String q,
                          @Context HttpHeaders headers, @Context UriInfo uri) {
        BoardFilter filter = new BoardFilter(phase, owner, label, q);
        Instant now = Instant.now();
        BoardRows.BoardRead read = rows.board(filter, BoardView.LANE_LIMIT, now, new BoardCursor(Long.MAX_VALUE));
        BoardView view = BoardView.of(read, filter, BoardCursor.START, cards);
        String definitionsUrl = uri.getBaseUriBuilder().path("api/definitions").build().toString();
        TemplateInstance page = Htmx.wantsFragment(headers) ? Templates.board$lanes(view, definitionsUrl)
                : Templates.board(view, definitionsUrl);
        return Htmx.varying(200, page);
    }

    /** What changed since {@code since}: 204 when nothing did (one indexed query), else the changed cards out of band. */
    @GET
    @Path("changes")
    public Response changes(@RestQuery String since, @RestQuery String phase, @RestQuery String owner,
                            @RestQuery String label, @RestQuery String q, @Context HttpHeaders headers) {
        BoardFilter filter = new BoardFilter(phase, owner, label, q);
        if (!Htmx.wantsFragment(headers)) {
            // Not a page: someone opened the polling URL itself. Show the board it belongs to.
            return Response.seeOther(URI.create("/board" + (filter.active() ? "?" + filter.query() : ""))).build();
        }
        BoardCursor cursor = BoardCursor.parse(since);
        if (!cursor.behind(rows.latestChange())) return quiet(Response.noContent());
        BoardChanges changes = BoardChanges.of(rows.board(filter, BoardView.LANE_LIMIT, Instant.now(), cursor), filter, cursor, cards);
        return quiet(Response.ok(Templates.board$changes(changes, changes.view())));
    }

    /**
     * A lane's next cards after the last one shown ({@code after}, see {@link LaneKey}), the filters applied: for
     * htmx the cards and the next "show more", else a page of the lane.
     */
    @GET
    @Path("lanes/{state}")
    public Response lane(@RestPath String state, @RestQuery String after, @RestQuery String phase, @RestQuery String owner,
                         @RestQuery String label, @RestQuery String q, @Context HttpHeaders headers) {
        MilestoneState lane = java.util.Arrays.stream(MilestoneState.values()).filter(s -> s.json().equals(state)).findFirst()
                .orElseThrow(() -> new NotFoundException("no lane " + state));
        BoardFilter filter = new BoardFilter(phase, owner, label, q);
        LaneKey from = LaneKey.parse(after).orElse(new LaneKey(Instant.EPOCH, ""));
        List<BoardRow> next = rows.lane(filter, lane.json(), from.stateSince(), from.id(), BoardView.LANE_LIMIT + 1);
        LanePage page = LanePage.of(lane.json(), filter, next, BoardView.LANE_LIMIT, cards);
        TemplateInstance body = Htmx.wantsFragment(headers) ? Templates.lane$more(page) : Templates.lane(page);
        return Htmx.varying(200, body);
    }

    private static Response quiet(Response.ResponseBuilder response) {
        return response.header(HttpHeaders.VARY, Htmx.VARY).header("Cache-Control", "no-store").build();
    }
}
