package studio.backlog;

import java.util.List;

/**
 * One page of the backlog.
 *
 * @param nextGroup the last group shown when more groups follow, else null
 */
public record BacklogPage(BacklogRequest request, List<BacklogGroup> groups, String nextGroup) {

    public BacklogPage {
        groups = List.copyOf(groups);
    }

    public boolean empty() {
        return groups.isEmpty();
    }

    public String nextHref() {
        return nextGroup == null ? null : request.groupsHref(nextGroup);
    }
}
