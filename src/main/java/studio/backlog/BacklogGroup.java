package studio.backlog;

import java.util.List;

/**
 * The features one milestone requires (or, with a null milestone, those no milestone requires), by status.
 *
 * @param name  the milestone's name, null when unnamed or for the unscheduled group
 * @param state the milestone's state, null for the unscheduled group
 */
public record BacklogGroup(String milestoneId, String name, String state, List<BacklogColumn> columns) {

    public BacklogGroup {
        columns = List.copyOf(columns);
    }

    public boolean unscheduled() {
        return milestoneId == null;
    }

    /** The group's value of the milestone filter. */
    public String key() {
        return milestoneId == null ? BacklogRequest.UNSCHEDULED : milestoneId;
    }

    public String title() {
        if (milestoneId == null) return "Not required by any milestone";
        return name == null || name.isBlank() ? milestoneId : name;
    }

    public long total() {
        return columns.stream().mapToLong(BacklogColumn::count).sum();
    }
}
