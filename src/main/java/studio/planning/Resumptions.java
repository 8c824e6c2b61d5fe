package studio.planning;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import studio.governance.Roles;
import studio.sprint.PlanSnapshots;
import studio.web.ApiException;

/**
 * Planning resumptions (the sprint spec's "Scope Comparison Viewer" and "Outputs After Resumption"): each
 * PlanningResumed of a milestone with what changed in its plan since the plan before, and its three documents.
 */
@Path("/planning/resumptions")
@RolesAllowed(Roles.EVERYONE)
@Produces(MediaType.TEXT_HTML)
public class Resumptions {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<Resumption> resumptions, String milestone);

        static native TemplateInstance resumption(Resumption r);
    }

    @Inject
    PlanSnapshots plans;

    @GET
    public TemplateInstance list(@QueryParam("milestone") String milestone) {
        String m = milestone == null || milestone.isBlank() ? null : milestone.strip();
        return Templates.list(plans.resumptions(m).stream().map(this::resumption).toList(), m);
    }

    @GET
    @Path("{id}")
    public TemplateInstance one(@PathParam("id") long id) {
        return Templates.resumption(find(id));
    }

    @GET
    @Path("{id}/{file}")
    public Response file(@PathParam("id") long id, @PathParam("file") String file) {
        Resumption r = find(id);
        return switch (file) {
            case "updated-sprint-plan.yaml" -> text(r.updatedSprintPlan(), "application/yaml; charset=UTF-8", file);
            case "resumption-report.md" -> text(r.report(), "text/markdown; charset=UTF-8", file);
            case "deferred-to-resumed-mapping.json" -> text(r.deferredToResumedMapping(), "application/json; charset=UTF-8", file);
            default -> throw ApiException.notFound("a resumption has no document " + file + " (its documents: " + String.join(", ", Resumption.FILES) + ")");
        };
    }

    private Resumption find(long id) {
        PlanSnapshots.Snapshot s = plans.find(id).filter(PlanSnapshots.Snapshot::resumption)
                .orElseThrow(() -> ApiException.notFound("no planning resumption " + id));
        return resumption(s);
    }

    private Resumption resumption(PlanSnapshots.Snapshot s) {
        return Resumption.of(s, s.previousId() == null ? null : plans.find(s.previousId()).orElse(null));
    }

    private static Response text(String body, String type, String file) {
        return Response.ok(body, type).header("Content-Disposition", "inline; filename=\"" + file + "\"").build();
    }
}
