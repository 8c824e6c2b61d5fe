package studio.outbound;

import static studio.governance.Roles.PLATFORM_ADMIN;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.stream.StreamSupport;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import studio.input.InputProblem;
import studio.security.CurrentUser;
import studio.web.ApiException;

/**
 * Chat channels for scripts (platform-admin only): list with queue counts, add
 * ({@code {"name":"#releases","format":"slack","url":..,"scope":"environment","scope_value":"production","event_types":[..]}},
 * answered 201), delete. A channel's URL is its credential: answers show only its host and last characters.
 */
@Path("/api/chat-channels")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(PLATFORM_ADMIN)
public class ChatChannelsApi {

    @Inject
    CurrentUser user;
    @Inject
    DeliveryLog log;
    @Inject
    Subscriptions subscriptions;

    @GET
    @Operation(summary = "List chat channels", description = "The Slack and Teams channels, their scope, events and queue counts.")
    public List<ObjectNode> list() {
        return log.subscribers(true).stream().map(s -> s.counted(json(s.webhook()))).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a chat channel", description = "Posts messages in words to a Slack or Microsoft Teams incoming webhook "
            + "about every milestone and release, one milestone, one environment's releases or one team (a milestone label). "
            + "Without event_types: the events people act on.")
    public Response create(@RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(ref = "ChatChannel")))
                           JsonNode body) {
        JsonNode b = body == null ? JsonNodeFactory.instance.objectNode() : body;
        // snake_case as the API writes it; the camelCase spelling is accepted too
        String scopeValue = text(b, b.has("scope_value") ? "scope_value" : "scopeValue");
        List<String> events = events(b.has("event_types") ? b.get("event_types") : b.get("eventTypes"));
        ChatChannel channel = new ChatChannel(text(b, "name"), text(b, "format"), text(b, "url"), text(b, "scope"), scopeValue, events);
        Webhook w = subscriptions.createChannel(channel, user.actor());
        return Response.status(201).entity(json(w)).build();
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a chat channel", description = "Removes the channel; its pending messages are dropped.")
    public Response delete(@PathParam("id") long id) {
        Webhook w = Webhook.findById(id);
        if (w == null || !w.isChat()) throw ApiException.notFound("unknown chat channel " + id);
        subscriptions.delete(id, user.actor());
        return Response.noContent().build();
    }

    /** null (absent): the default events; a list of names; anything else is refused naming the field. */
    private static List<String> events(JsonNode types) {
        if (types == null || types.isNull()) return null;
        if (!types.isArray()) {
            throw new ApiException(400, List.of(new InputProblem("event_types is a list of event names", null, null, "event_types")));
        }
        return StreamSupport.stream(types.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static ObjectNode json(Webhook w) {
        ObjectNode o = JsonNodeFactory.instance.objectNode().put("id", w.id).put("name", w.name).put("format", w.format)
                .put("url_hint", w.getDisplayUrl()).put("scope", ChannelScope.of(w.scopeKind).json()).put("scope_value", w.scopeValue)
                .put("active", w.active).put("created_by", w.createdBy).put("created_at", w.createdAt.toString());
        List.of(w.eventTypes).forEach(o.putArray("event_types")::add);
        return o;
    }
}
