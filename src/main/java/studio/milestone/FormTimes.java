package studio.milestone;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import studio.audit.TimelineFilters;
import studio.web.ApiException;

/** Times typed into forms: a datetime-local value is UTC; an ISO-8601 instant with an offset is taken as written. */
final class FormTimes {

    private FormTimes() {
    }

    /** Null when blank. @throws ApiException 400 naming the field when it is not a time */
    static Instant instant(String field, String text) {
        if (text == null || text.isBlank()) return null;
        try {
            return OffsetDateTime.parse(TimelineFilters.utc(text.strip())).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(field + " must be a date and time (UTC) like 2025-05-14T18:35, not '" + text + "'");
        }
    }
}
