package studio.web;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import studio.governance.Roles;
import studio.security.CurrentUser;

/** The main navigation as the layout renders it ({@code {inject:nav.items}}), with the current section marked. */
@Named("nav")
@RequestScoped
public class Navigation {

    public record Item(String key, String label, String href, boolean current, Long badge) {}

    /** Counts what awaits the signed-in user (the approvals inbox). */
    public interface InboxCounter {
        long awaitingCurrentUser();
    }

    @Inject
    CurrentVertxRequest request;

    @Inject
    InboxCounter inbox;

    @Inject
    CurrentUser user;

    private List<Item> items;

    public List<Item> getItems() {
        if (items == null) {
            String path = request.getCurrent().request().path();
            long badge = inbox.awaitingCurrentUser();
            List<Item> all = new ArrayList<>(List.of(
                    item("board", "Board", "/board", path),
                    item("gates", "Gates", "/gates", path),
                    item("sprints", "Sprints", "/sprints", path),
                    item("backlog", "Backlog", "/backlog", path),
                    item("releases", "Releases", "/releases", path),
                    item("audit", "Audit", "/audit", path),
                    new Item("approvals", "Approvals", "/approvals", path.startsWith("/approvals"), badge)));
            // Webhook and chat channel settings are a platform admin's alone: nobody else sees the link.
            if (user.has(Roles.PLATFORM_ADMIN)) all.add(new Item("admin", "Admin", "/admin/webhooks", path.startsWith("/admin/"), null));
            items = List.copyOf(all);
        }
        return items;
    }

    private static Item item(String key, String label, String href, String path) {
        return new Item(key, label, href, path.startsWith(href), null);
    }
}
