package studio.web;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import studio.governance.DecisionDesk;
import studio.governance.Roles;
import studio.security.CurrentUser;
import studio.security.StepUp;

/**
 * The JSON routes that approve or reject an item of a {@link DecisionDesk}: {@code POST {id}/approve} and
 * {@code POST {id}/reject} with {@code {"reason": "..."}}, below the resource's own path. Only people who may act
 * reach them, each decision needs a recent sign-in ({@link StepUp}), and the desk's policy says the rest (who of
 * them may decide, never the requester). The answer is the item as it now stands.
 *
 * @param <T> the item as its desk answers it
 */
public abstract class DecisionApi<T> {

    @Inject
    protected CurrentUser user;

    /** The desk the routes decide on. */
    protected abstract DecisionDesk<T> desk();

    /** The item as the API shows it. */
    protected abstract ObjectNode json(T item);

    @POST
    @StepUp
    @Path("{id}/approve")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.ACTING)
    @Operation(summary = "Approve", description = "Approves the pending item with a reason (override, bypass request, definition change or sprint scope, by the path): the desk's policy decides who may, never the requester; needs a recent sign-in.")
    public ObjectNode approve(@PathParam("id") long id, @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(ref = "Reason"))) String body) {
        return json(desk().approve(id, JsonBody.parse(body).text("reason"), user.actor()));
    }

    @POST
    @StepUp
    @Path("{id}/reject")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.ACTING)
    @Operation(summary = "Reject", description = "Rejects the pending item with a reason; needs a recent sign-in.")
    public ObjectNode reject(@PathParam("id") long id, @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(ref = "Reason"))) String body) {
        return json(desk().reject(id, JsonBody.parse(body).text("reason"), user.actor()));
    }

    /** {@code {"<key>": [items...]}}, the shape every list of the API has. */
    protected static ObjectNode listing(String key, List<ObjectNode> items) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putArray(key).addAll(items);
        return body;
    }

    /** Refuses (400) a {@code status} filter that is none of {@code statuses}; null means every status. */
    protected static void requireStatus(String status, List<String> statuses) {
        if (status != null && !statuses.contains(status)) {
            throw ApiException.badRequest("status must be one of " + String.join(", ", statuses));
        }
    }
}
