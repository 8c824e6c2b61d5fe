package studio.backlog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import studio.persistence.Row;
import studio.persistence.Rows;
import studio.web.QueryText;

/**
 * Reads the backlog in a fixed number of statements however many features there are: the groups of a page with
 * their counts per status, the first cards of each column (or one column's page), and the status of the
 * dependencies those cards name.
 *
 * <p>A feature's status is derived from evidence, in this order: <b>completed</b> when a Closed sprint delivers it;
 * <b>deferred</b> when a FeatureDeferred event deferred it and no sprint working on it started after that; <b>in
 * progress</b> when an Active or Verifying sprint delivers it; else the status features.yaml gives it (planned when
 * none). The rule lives in {@link #PROGRESS} only, so counts, filters and cards never disagree.
 */
@ApplicationScoped
public class BacklogQuery {

    /** Which milestones require which features: their requiredFeatures, and the features' own requiredBy. */
    private static final String MEMBERSHIP = """
            membership as (
                select mf.feature_id, mf.milestone_id from milestone_feature mf
                union select f.id, r.milestone_id from feature f cross join lateral unnest(f.required_by) as r(milestone_id))""";

    /**
     * Every feature with its derived status; {@code %s} takes conditions on the feature row ({@code f}). The sprints
     * are aggregated per feature in one pass (hash joins), not looked up feature by feature.
     */
    static final String PROGRESS = """
            progress as (
                select f.id, f.title, f.priority, f.definition, f.depends_on, f.planned_status, f.deferral_reason, f.deferred_at,
                       f.deferred_by, f.defined, done.sprint_id as closed_sprint, work.sprint_id as active_sprint,
                       case when done.sprint_id is not null then 'completed'
                            when f.deferred_at is not null and (work.since is null or work.since <= f.deferred_at) then 'deferred'
                            when work.sprint_id is not null then 'in-progress'
                            when f.planned_status in ('in-progress', 'completed', 'deferred') then f.planned_status
                            else 'planned' end as status
                from feature f
                left join (select sf.feature_id, min(s.id) as sprint_id from sprint_feature sf join sprint s on s.id = sf.sprint_id
                           where s.state = 'closed' group by sf.feature_id) done on done.feature_id = f.id
                left join (select sf.feature_id, min(s.id) as sprint_id, max(coalesce(s.started_at, s.state_since)) as since
                           from sprint_feature sf join sprint s on s.id = sf.sprint_id
                           where s.state in ('active', 'verifying') group by sf.feature_id) work on work.feature_id = f.id
                %s)""";

    private static final String CARD_COLUMNS = """
            pl.id, pl.title, pl.priority, pl.definition, pl.depends_on, pl.planned_status, pl.deferral_reason, pl.deferred_at,
            pl.deferred_by, pl.defined, pl.closed_sprint, pl.active_sprint, pl.status, pl.grp""";

    @Inject
    EntityManager em;
    @Inject
    FeatureDetails details;

    @Transactional
    public BacklogPage page(BacklogRequest request) {
        withoutJit();
        List<GroupCounts> groups = groups(request);
        boolean more = !request.column() && groups.size() > BacklogRequest.GROUPS_PER_PAGE;
        List<GroupCounts> shown = more ? groups.subList(0, BacklogRequest.GROUPS_PER_PAGE) : groups;
        Map<String, List<FeatureCard>> cards = request.column() ? columnCards(request, request.afterCard(), BacklogRequest.COLUMN_PAGE + 1)
                : firstCards(request, shown);
        List<BacklogGroup> out = new ArrayList<>();
        for (GroupCounts g : shown) out.add(group(request, g, cards));
        return new BacklogPage(request, out, more ? shown.get(shown.size() - 1).key() : null);
    }

    /** The next cards of one column (request.column() holds), and where the ones after them start. */
    @Transactional
    public BacklogColumn column(BacklogRequest request) {
        withoutJit();
        List<FeatureCard> cards = columnCards(request, request.afterCard(), BacklogRequest.COLUMN_PAGE + 1)
                .getOrDefault(request.status(), List.of());
        return column(request.status(), 0, cards, BacklogRequest.COLUMN_PAGE);
    }

    /**
     * The planner overestimates these aggregates (it guesses ten milestones per requiredBy array), and past its cost
     * threshold JIT compilation adds seconds to a statement that runs in tens of milliseconds: off, for this read
     * transaction only.
     */
    private void withoutJit() {
        Rows.first(em, "select set_config('jit', 'off', true) as jit", r -> r.text("jit"));
    }

    private BacklogGroup group(BacklogRequest request, GroupCounts g, Map<String, List<FeatureCard>> cards) {
        int pageSize = request.column() ? BacklogRequest.COLUMN_PAGE : BacklogRequest.CARDS_PER_COLUMN;
        List<BacklogColumn> columns = new ArrayList<>();
        for (String status : request.statuses()) {
            List<FeatureCard> column = cards.getOrDefault(request.column() ? status : g.key() + "\n" + status, List.of());
            columns.add(column(status, g.counts().getOrDefault(status, 0L), column, pageSize));
        }
        return new BacklogGroup(g.milestoneId(), g.name(), g.state(), columns);
    }

    /** From up to {@code pageSize + 1} cards: the extra one only says that more follow. */
    private static BacklogColumn column(String status, long count, List<FeatureCard> cards, int pageSize) {
        if (cards.size() <= pageSize) return new BacklogColumn(status, count, cards, null);
        List<FeatureCard> page = cards.subList(0, pageSize);
        return new BacklogColumn(status, count, page, page.get(page.size() - 1).cursor());
    }

    /** A group of the page with its counts per status. */
    record GroupCounts(String milestoneId, String name, String state, Map<String, Long> counts) {
        String key() {
            return milestoneId == null ? BacklogRequest.UNSCHEDULED : milestoneId;
        }
    }

    /** The page's groups (one more than a page when more follow), in milestone id order, unscheduled last. */
    private List<GroupCounts> groups(BacklogRequest r) {
        Sql sql = placed(r, "p.status");
        String keyset = r.after() == null || r.column() ? "" : " where d.grp > ? or d.grp = ''";
        if (!keyset.isEmpty()) sql.params.add(r.after());
        sql.params.add(BacklogRequest.GROUPS_PER_PAGE + 1);
        sql.text.append("""
                , counts as (select grp, status, count(*) as n from placed group by grp, status)
                , shown as (select d.grp from (select distinct grp from counts) d%s order by d.grp = '', d.grp limit ?)
                select c.grp, ms.name, ms.state, c.status, c.n from counts c join shown sh on sh.grp = c.grp
                left join milestone ms on ms.id = c.grp order by c.grp = '', c.grp""".formatted(keyset));
        Map<String, GroupCounts> byGroup = new LinkedHashMap<>();
        for (Row row : sql.rows(em)) {
            GroupCounts g = byGroup.computeIfAbsent(row.text("grp"),
                    k -> new GroupCounts(k.isEmpty() ? null : k, row.text("name"), row.text("state"), new HashMap<>()));
            g.counts().put(row.text("status"), row.number("n"));
        }
        return new ArrayList<>(byGroup.values());
    }

    /** The first cards of every column of the shown groups, keyed "group\nstatus". */
    private Map<String, List<FeatureCard>> firstCards(BacklogRequest r, List<GroupCounts> groups) {
        if (groups.isEmpty()) return Map.of();
        Sql sql = placed(r, "p.*");
        sql.params.add(groups.stream().map(g -> g.milestoneId() == null ? "" : g.milestoneId()).toArray(String[]::new));
        sql.params.add(BacklogRequest.CARDS_PER_COLUMN + 1);
        sql.text.append("""
                , ranked as (select pl.*, row_number() over (partition by pl.grp, pl.status order by pl.priority nulls last, pl.id) as rn
                             from placed pl where pl.grp = any(?))
                select %s from ranked pl where pl.rn <= ? order by pl.grp, pl.status, pl.rn""".formatted(CARD_COLUMNS));
        return cards(sql.rows(em), true);
    }

    /** One column's cards after {@code after}, keyed by status. */
    private Map<String, List<FeatureCard>> columnCards(BacklogRequest r, CardCursor after, int limit) {
        Sql sql = placed(r, "p.*");
        sql.text.append(" select ").append(CARD_COLUMNS).append(" from placed pl");
        if (after != null) {
            if (after.priority() == null) {
                sql.text.append(" where pl.priority is null and pl.id > ?");
                sql.params.add(after.id());
            } else {
                sql.text.append(" where (pl.priority > ? or (pl.priority = ? and pl.id > ?) or pl.priority is null)");
                sql.params.addAll(List.of(after.priority(), after.priority(), after.id()));
            }
        }
        sql.text.append(" order by pl.priority nulls last, pl.id limit ?");
        sql.params.add(limit);
        return cards(sql.rows(em), false);
    }

    private Map<String, List<FeatureCard>> cards(List<Row> rows, boolean byGroup) {
        Map<String, Dependency> dependencies = dependencies(rows);
        Map<String, List<FeatureCard>> out = new LinkedHashMap<>();
        for (Row r : rows) {
            String grp = r.text("grp");
            String key = byGroup ? (grp.isEmpty() ? BacklogRequest.UNSCHEDULED : grp) + "\n" + r.text("status") : r.text("status");
            out.computeIfAbsent(key, k -> new ArrayList<>()).add(card(r, dependencies));
        }
        return out;
    }

    private FeatureCard card(Row r, Map<String, Dependency> dependencies) {
        FeatureDetails.Details d = details.of(r.text("definition"));
        List<Dependency> deps = r.texts("depends_on").stream().map(dep -> dependencies.getOrDefault(dep, new Dependency(dep, null))).toList();
        return new FeatureCard(r.text("id"), r.text("title"), r.text("priority"), r.text("status"), r.text("planned_status"),
                r.flag("defined"), r.text("deferral_reason"), r.instant("deferred_at"), r.text("deferred_by"), r.text("closed_sprint"),
                r.text("active_sprint"), deps, d.effort(), d.agentRoles());
    }

    /** The status of every feature the cards depend on, in one statement. */
    private Map<String, Dependency> dependencies(List<Row> rows) {
        String[] ids = rows.stream().flatMap(r -> r.texts("depends_on").stream()).distinct().toArray(String[]::new);
        Map<String, Dependency> out = new HashMap<>();
        if (ids.length == 0) return out;
        Sql sql = new Sql();
        sql.text.append("with ").append(PROGRESS.formatted("where f.id = any(?)")).append(" select id, status from progress");
        sql.params.add(ids);
        for (Row r : sql.rows(em)) out.put(r.text("id"), new Dependency(r.text("id"), r.text("status")));
        return out;
    }

    /**
     * "with membership, progress, placed": the request's features, one row per group they belong to ({@code grp}: the
     * milestone id, '' for features no milestone requires, which no milestone id can be), with {@code columns} of
     * progress.
     */
    private static Sql placed(BacklogRequest r, String columns) {
        Sql sql = new Sql();
        String onFeature = where(onFeature(r, sql.params));
        String onPlaced = where(onPlaced(r, sql.params));
        sql.text.append("with ").append(MEMBERSHIP).append(", ").append(PROGRESS.formatted(onFeature))
                .append(", placed as (select coalesce(m.milestone_id, '') as grp, ").append(columns)
                .append(" from progress p left join membership m on m.feature_id = p.id").append(onPlaced).append(")");
        return sql;
    }

    /** Conditions on the feature row; a milestone filter narrows the features before their statuses are derived. */
    private static List<String> onFeature(BacklogRequest r, List<Object> params) {
        List<String> conditions = new ArrayList<>();
        if (r.priority() != null) {
            conditions.add("f.priority = ?");
            params.add(r.priority());
        }
        if (r.text() != null) {
            conditions.add("(f.id ilike ? or f.title ilike ?)");
            params.addAll(List.of(QueryText.containing(r.text()), QueryText.containing(r.text())));
        }
        if (BacklogRequest.UNSCHEDULED.equals(r.milestone())) {
            conditions.add("f.id not in (select feature_id from membership)");
        } else if (r.milestone() != null) {
            conditions.add("f.id in (select feature_id from membership where milestone_id = ?)");
            params.add(r.milestone());
        }
        return conditions;
    }

    /** Conditions on the derived status and the group. */
    private static List<String> onPlaced(BacklogRequest r, List<Object> params) {
        List<String> conditions = new ArrayList<>();
        if (r.status() != null) {
            conditions.add("p.status = ?");
            params.add(r.status());
        }
        if (BacklogRequest.UNSCHEDULED.equals(r.milestone())) {
            conditions.add("m.milestone_id is null");
        } else if (r.milestone() != null) {
            conditions.add("m.milestone_id = ?");
            params.add(r.milestone());
        }
        return conditions;
    }

    private static String where(List<String> conditions) {
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    /** A statement being built and its parameters in textual order. */
    private static final class Sql {
        final StringBuilder text = new StringBuilder();
        final List<Object> params = new ArrayList<>();

        List<Row> rows(EntityManager em) {
            return Rows.list(em, text.toString(), params, r -> r);
        }
    }
}
