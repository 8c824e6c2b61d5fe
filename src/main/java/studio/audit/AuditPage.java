package studio.audit;

import java.util.List;

/**
 * One page of the newest-first listing. {@code next} is the cursor for the following page (pass it as
 * {@code after}), null on the last page.
 */
public record AuditPage(List<AuditEvent> events, String next) {

    public AuditPage {
        events = List.copyOf(events);
    }
}
