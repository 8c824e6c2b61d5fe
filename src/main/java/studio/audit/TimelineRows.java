package studio.audit;

import io.quarkus.qute.RawString;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Timeline pages with each event's row rendered once. A chained event does not change, so the row made for it is kept
 * and reused for as long as the event read from the database equals the one it was made from: a page of fifty events
 * then costs fifty lookups instead of fifty renders and fifty payload reads for a reason. The key is the whole event
 * (every column and its hash), not its number, so a row changed in the database behind Studio's back shows as it now
 * reads; telling that it was changed is the chain verification's work, not the page's.
 *
 * <p>Bounded: when it holds {@link #CAPACITY} rows it starts again empty (one page is fifty rows; a full map means many
 * pages and filters were read, not that any page needs them all).
 */
@ApplicationScoped
public class TimelineRows {

    static final int CAPACITY = 8192;

    private record Kept(AuditEvent event, RawString row) {}

    private final ConcurrentHashMap<Long, Kept> kept = new ConcurrentHashMap<>();
    private final Function<TimelineEntry, String> render;

    @Inject
    AuditQuery audit;

    public TimelineRows() {
        this(e -> AuditTrail.Templates.timeline$entry(e).render());
    }

    /** {@code render}: an event's row as HTML (the timeline template's entry fragment). */
    TimelineRows(Function<TimelineEntry, String> render) {
        this.render = render;
    }

    /** One page of the timeline, newest first; {@code query} is its filter as URL parameters. */
    public Timeline page(AuditPageRequest request, String query) {
        AuditPage page = audit.page(request);
        return new Timeline(page.events().stream().map(this::row).toList(), query, page.next());
    }

    RawString row(AuditEvent event) {
        Kept k = kept.get(event.seq());
        if (k != null && k.event().equals(event)) return k.row();
        RawString row = new RawString(render.apply(TimelineEntry.of(event)));
        if (kept.size() >= CAPACITY) kept.clear();
        kept.put(event.seq(), new Kept(event, row));
        return row;
    }

    /** Rows kept (for tests). */
    int size() {
        return kept.size();
    }
}
