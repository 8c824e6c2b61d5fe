package studio.audit;

import io.quarkus.qute.RawString;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Function;
import studio.web.RenderedOnce;

/**
 * Timeline pages with each event's row rendered once. A chained event does not change, so the row made for it is kept
 * and reused for as long as the event read from the database equals the one it was made from: a page of fifty events
 * then costs fifty lookups instead of fifty renders and fifty payload reads for a reason. The key is the whole event
 * (every column and its hash), not its number, so a row changed in the database behind Studio's back shows as it now
 * reads; telling that it was changed is the chain verification's work, not the page's. At most {@link #CAPACITY} rows
 * are kept (see {@link RenderedOnce}).
 */
@ApplicationScoped
public class TimelineRows {

    static final int CAPACITY = 8192;

    private final RenderedOnce<Long, AuditEvent, RawString> kept = new RenderedOnce<>(CAPACITY);
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
        return kept.get(event.seq(), event, () -> new RawString(render.apply(TimelineEntry.of(event))));
    }

    /** Rows kept (for tests). */
    int size() {
        return kept.size();
    }
}
