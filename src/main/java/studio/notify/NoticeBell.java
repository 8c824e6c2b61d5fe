package studio.notify;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import studio.security.CurrentUser;

/**
 * The bell in the top bar ({@code {inject:notices.unread}}): the signed-in person's unread notices, one indexed count
 * per page. Rendering it also tells {@link People} who is using Studio (at most every few minutes per person), so
 * people known only from their sign-ins can be notified too.
 */
@Named("notices")
@RequestScoped
public class NoticeBell {

    @Inject
    CurrentUser user;
    @Inject
    Notifications store;
    @Inject
    People people;

    private Long unread;

    public long getUnread() {
        if (unread == null) {
            if (!user.isSignedIn()) return unread = 0L;
            people.signedIn(user.getName(), user.getEmail(), user.getDisplayName(), user.getRoles());
            unread = store.unread(user.getName());
        }
        return unread;
    }
}
