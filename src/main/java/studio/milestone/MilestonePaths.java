package studio.milestone;

import studio.audit.Timeline;

/** Milestone ids are free text in definitions: they go into URLs encoded. */
public final class MilestonePaths {

    private MilestonePaths() {
    }

    public static String segment(String id) {
        return Timeline.encodePath(id);
    }

    /** The milestone page. */
    public static String page(String id) {
        return "/milestones/" + segment(id);
    }
}
