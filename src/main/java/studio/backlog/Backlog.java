package studio.backlog;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;
import studio.governance.Roles;
import studio.input.InputProblem;
import studio.input.InvalidInputException;
import studio.web.Htmx;

/**
 * The backlog for people: features grouped by the milestones requiring them and by status, with filters; a page of
 * groups at a time, each column cut to its first cards with the rest a "More" away. Read-only for every Studio role.
 */
@Path("/backlog")
@RolesAllowed(Roles.EVERYONE)
@Produces(MediaType.TEXT_HTML)
public class Backlog {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance backlog(BacklogPage page, String problem);

        static native TemplateInstance backlog$groups(BacklogPage page, String problem);

        static native TemplateInstance backlog$cards(BacklogRequest request, String group, BacklogColumn column);
    }

    @Inject
    BacklogQuery backlog;

    /** The page; an htmx request (filter form, "More milestones") gets the groups only. */
    @GET
    public Response backlog(@QueryParam("milestone") String milestone, @QueryParam("status") String status,
                            @QueryParam("priority") String priority, @QueryParam("q") String text,
                            @QueryParam("after") String after, @Context HttpHeaders headers) {
        boolean fragment = Htmx.wantsFragment(headers);
        try {
            BacklogPage page = backlog.page(BacklogRequest.of(milestone, status, priority, text, after));
            return Htmx.varying(200, fragment ? Templates.backlog$groups(page, null) : Templates.backlog(page, null));
        } catch (InvalidInputException e) {
            BacklogPage none = new BacklogPage(BacklogRequest.everything(), List.of(), null);
            String problem = e.problems().stream().map(InputProblem::describe).collect(Collectors.joining("; "));
            return fragment ? Htmx.refusedInto("#backlog-groups", Templates.backlog$groups(none, problem))
                    : Htmx.varying(400, Templates.backlog(none, problem));
        }
    }

    /**
     * The next cards of one column (milestone and status given), for htmx "More". Opened directly it leads to that
     * column's own page, which shows the same cards.
     */
    @GET
    @Path("cards")
    public Response cards(@QueryParam("milestone") String milestone, @QueryParam("status") String status,
                          @QueryParam("priority") String priority, @QueryParam("q") String text,
                          @QueryParam("after") String after, @Context HttpHeaders headers) {
        BacklogRequest request = BacklogRequest.of(milestone, status, priority, text, after);
        if (!request.column()) throw new InvalidInputException(InputProblem.of("say which column: milestone and status are both needed"));
        if (!Htmx.wantsFragment(headers)) {
            CardCursor from = request.afterCard();
            return Htmx.seeOther(URI.create(request.columnHref(request.milestone(), request.status(), from)));
        }
        return Htmx.varying(200, Templates.backlog$cards(request, request.milestone(), backlog.column(request)));
    }
}
