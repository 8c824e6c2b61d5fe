package studio.milestone;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import studio.persistence.Rows;

/** Reads a milestone's linked artifacts in one query: what its contributing sprints reported, as of a moment. */
@ApplicationScoped
public class MilestoneArtifacts {

    @Inject
    EntityManager em;

    /** @param asOf the moment shown (null: now): reports with a later event time are left out */
    public LinkedArtifacts linked(List<String> requiredArtifacts, List<String> contributingSprints, Instant asOf) {
        if (contributingSprints.isEmpty()) return LinkedArtifacts.of(requiredArtifacts, List.of());
        String[] sprints = contributingSprints.toArray(String[]::new);
        String select = "select artifact, sprint_id, reported_at, evidence_id from sprint_artifact where sprint_id = any(?) ";
        String order = " order by reported_at, sprint_id, artifact limit " + LinkedArtifacts.MAX_REPORTED;
        java.util.function.Function<studio.persistence.Row, LinkedArtifacts.Report> report = r -> new LinkedArtifacts.Report(
                r.text("artifact"), r.text("sprint_id"), r.instant("reported_at"), r.number("evidence_id"));
        List<LinkedArtifacts.Report> reports = asOf == null ? Rows.list(em, select + order, report, (Object) sprints)
                : Rows.list(em, select + "and reported_at <= ?" + order, report, sprints, asOf);
        return LinkedArtifacts.of(requiredArtifacts, reports);
    }
}
