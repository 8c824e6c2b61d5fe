package studio.milestone;

import static studio.security.Roles.*;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
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
import org.jboss.resteasy.reactive.RestQuery;
import studio.web.Htmx;

/**
 * The milestone board (GET /board): a lane per lifecycle state, a card per milestone, filters in the URL. The page
 * polls /board/changes, which answers 204 while nothing changed and otherwise swaps in just the changed cards.
 */
@Path("/board")
@RolesAllowed({PRODUCT_OWNER, QA_LEAD, DOMAIN_ARCHITECT, SECURITY_OFFICER, COMPLIANCE_OFFICER, PLATFORM_ADMIN, AUDITOR, CI})
@Produces(MediaType.TEXT_HTML)
public class Board {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance board(BoardView view, String definitionsUrl);

        static native TemplateInstance board$lanes(BoardView view, String definitionsUrl);

        static native TemplateInstance board$card(BoardCard card);

        static native TemplateInstance board$changes(BoardChanges changes, BoardView view);
    }

    @Inject
    BoardRows rows;

    @GET
    public Response board(@RestQuery String phase, @RestQuery String owner, @RestQuery String label, @RestQuery String q,
                          @Context HttpHeaders headers, @Context UriInfo uri) {
        BoardView view = BoardView.at(rows.all(), new BoardFilter(phase, owner, label, q), Instant.now());
        String definitionsUrl = uri.getBaseUriBuilder().path("api/definitions").build().toString();
        TemplateInstance page = Htmx.wantsFragment(headers) ? Templates.board$lanes(view, definitionsUrl)
                : Templates.board(view, definitionsUrl);
        return Response.ok(page).header("Vary", Htmx.VARY).build();
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
        List<BoardRow> all = rows.all();
        BoardView view = BoardView.of(all, filter, BoardCursor.after(cursor, all, Instant.now()));
        return quiet(Response.ok(Templates.board$changes(BoardChanges.since(cursor, all, view), view)));
    }

    private static Response quiet(Response.ResponseBuilder response) {
        return response.header("Vary", Htmx.VARY).header("Cache-Control", "no-store").build();
    }
}
