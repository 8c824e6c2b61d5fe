package studio.milestone;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Reads what the board and the gate matrix show: every milestone row with its stored gate report and its required
 * features, in ONE statement however many milestones there are (the required features come along as an array).
 */
@ApplicationScoped
public class BoardRows {

    private static final String ALL = """
            select m.id, m.name, m.description, m.phase, m.owner, m.governed_by, m.labels, m.version_tag, m.state,
                   m.state_since, m.updated_at, m.change_seq, m.gate_summary,
                   array(select f.feature_id from milestone_feature f where f.milestone_id = m.id order by f.position)
            from milestone m order by m.id""";

    @Inject
    EntityManager em;

    @SuppressWarnings("unchecked")
    public List<BoardRow> all() {
        List<Object[]> rows = em.createNativeQuery(ALL).getResultList();
        return rows.stream().map(BoardRows::row).toList();
    }

    /** The newest change_seq of any milestone: the cheap question a polling board asks every few seconds. */
    public long latestChange() {
        Object max = em.createNativeQuery("select max(change_seq) from milestone").getSingleResult();
        return max == null ? 0 : ((Number) max).longValue();
    }

    private static BoardRow row(Object[] r) {
        return new BoardRow((String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4], (String) r[5],
                strings(r[6]), (String) r[7], (String) r[8], (Instant) r[9], (Instant) r[10], ((Number) r[11]).longValue(),
                strings(r[13]), MilestoneReadout.parse((String) r[12]));
    }

    private static List<String> strings(Object array) {
        return array == null ? List.of() : Arrays.asList((String[]) array);
    }
}
