package studio.planning;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import studio.governance.Roles;
import studio.input.InputProblem;
import studio.input.InvalidInputException;
import studio.security.CurrentUser;
import studio.web.ApiException;
import studio.web.Htmx;

/**
 * A product owner's changes to the plan from the backlog and sprint pages ({@link FeaturePlanning}): a feature's
 * plan page with the defer and roll-forward forms, and the deferral radar (what was deferred, how often, from which
 * milestone) for everyone.
 */
@Path("/backlog")
@Produces(MediaType.TEXT_HTML)
public class FeaturePlans {

    private static final Map<String, String> NOTICES = Map.of("deferred", "Deferred. The milestones requiring it were judged again.",
            "rolled", "Rolled forward. The milestones requiring it were judged again.");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance plan(FeaturePlanning.Plan plan, String problem, String field, String reason, String sprint);

        static native TemplateInstance radar(DeferralRadar.View radar, String notice);
    }

    @Inject
    FeaturePlanning planning;
    @Inject
    DeferralRadar radar;
    @Inject
    CurrentUser user;

    @GET
    @Path("deferrals")
    @RolesAllowed(Roles.EVERYONE)
    public Response radar(@QueryParam("milestone") String milestone, @QueryParam("done") String done) {
        return Htmx.varying(200, Templates.radar(radar.view(milestone), done == null ? null : NOTICES.get(done)));
    }

    @GET
    @Path("features/{id}/plan")
    @RolesAllowed(Roles.PRODUCT_OWNER)
    public TemplateInstance plan(@PathParam("id") String id) {
        return Templates.plan(planning.plan(id), null, null, "", "");
    }

    @POST
    @Path("features/{id}/defer")
    @RolesAllowed(Roles.PRODUCT_OWNER)
    public Response defer(@PathParam("id") String id, @RestForm String reason, @RestForm String milestone) {
        return attempt(id, "deferred", reason, null, () -> planning.defer(id, milestone, reason, user.actor()));
    }

    @POST
    @Path("features/{id}/roll-forward")
    @RolesAllowed(Roles.PRODUCT_OWNER)
    public Response rollForward(@PathParam("id") String id, @RestForm String reason, @RestForm String sprint) {
        return attempt(id, "rolled", reason, sprint, () -> planning.rollForward(id, sprint, reason, user.actor()));
    }

    /** Success: 303 to the radar (deferral) or the feature's new sprint; refusal: the form again with what was typed, nothing stored. */
    private Response attempt(String id, String done, String reason, String sprint, Runnable command) {
        try {
            command.run();
        } catch (InvalidInputException e) {
            InputProblem p = e.problems().get(0);
            return Htmx.varying(400, Templates.plan(planning.plan(id), p.message(), done + "-" + p.path(), reason, sprint));
        } catch (ApiException e) {
            if (e.status() == 404) throw e;
            return Htmx.varying(e.status(), Templates.plan(planning.plan(id), e.getMessage(), done, reason, sprint));
        }
        String where = "rolled".equals(done) ? "/sprints/" + URLEncoder.encode(sprint, StandardCharsets.UTF_8)
                : "/backlog/deferrals?done=deferred";
        return Response.seeOther(URI.create(where)).build();
    }
}
