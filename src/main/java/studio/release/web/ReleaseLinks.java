package studio.release.web;

import io.quarkus.qute.TemplateExtension;
import studio.milestone.MilestonePaths;
import studio.release.document.ReleaseNotes;

/** How a release reads on Studio's pages: its page, its milestone's page, its milestone's name. */
@TemplateExtension
public final class ReleaseLinks {

    private ReleaseLinks() {}

    static String path(ReleaseView v) {
        return ReleasePage.path(v.release().versionTag);
    }

    static String milestonePath(ReleaseView v) {
        return MilestonePaths.page(v.release().milestoneId);
    }

    static String milestoneTitle(ReleaseView v) {
        String name = v.facts().milestoneName();
        return name == null || name.isBlank() ? v.release().milestoneId : name;
    }

    /** "91.3%" or "no QA data". */
    static String coverageText(ReleaseView v) {
        return ReleaseNotes.percent(v.facts().qaCoverage());
    }
}
