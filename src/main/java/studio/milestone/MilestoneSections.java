package studio.milestone;

import io.quarkus.qute.RawString;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.List;
import java.util.function.Function;
import studio.milestone.MilestonePage.FeatureBar;
import studio.milestone.MilestonePage.GateRow;
import studio.web.RenderedOnce;

/**
 * The parts of the milestone page that look the same to every viewer, rendered once and kept while what they show is
 * equal ({@code {inject:sections...}} in the page): each gate matrix row and the coverage section. They are most of
 * the page's markup (forty features are forty bars, chips and percentages), and a page polled every few seconds
 * otherwise renders them again each time for nothing. As with the board's cards, the key is everything the piece is
 * rendered from, never a change number, so new evidence shows on the next view.
 *
 * <p>What depends on the viewer or on the moment stays in the page: the control panel, forms, a refusal, and who may
 * decide a gate still waiting (that row is rendered with the page, from the same template).
 */
@Named("sections")
@ApplicationScoped
public class MilestoneSections {

    /**
     * Rows kept (about a kilobyte each) and coverage sections kept (up to tens of kilobytes: a bar per required
     * feature): a few megabytes at most. A page holds a row per gate and one coverage section.
     */
    static final int ROWS = 8192, SECTIONS = 512;

    /** Everything the coverage section shows. */
    record Coverage(List<FeatureBar> features, String average, Double threshold, String thresholdText) {}

    private record RowKey(String milestoneId, String label) {}

    private final RenderedOnce<RowKey, GateRow, RawString> rows = new RenderedOnce<>(ROWS);
    private final RenderedOnce<String, Coverage, RawString> coverage = new RenderedOnce<>(SECTIONS);
    private final Function<GateRow, String> renderRow;
    private final Function<Coverage, String> renderCoverage;

    public MilestoneSections() {
        this(row -> Milestones.Templates.gateRow(row, false, null).render(), c -> Milestones.Templates.coverage(c).render());
    }

    MilestoneSections(Function<GateRow, String> renderRow, Function<Coverage, String> renderCoverage) {
        this.renderRow = renderRow;
        this.renderCoverage = renderCoverage;
    }

    /** Gate matrix row {@code row} of milestone {@code milestoneId} as HTML. */
    public RawString gateRow(String milestoneId, GateRow row) {
        return rows.get(new RowKey(milestoneId, row.label()), row, () -> new RawString(renderRow.apply(row)));
    }

    /** The page's coverage section: each required feature's bar against the threshold, and the aggregate. */
    public RawString coverage(MilestonePage p) {
        Coverage shown = new Coverage(p.features(), p.coverageAverageText(), p.coverageThreshold(), p.coverageThresholdText());
        return coverage.get(p.header().id(), shown, () -> new RawString(renderCoverage.apply(shown)));
    }
}
