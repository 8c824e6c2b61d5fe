package studio.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Times typed into forms and query strings: a browser's datetime-local value ("2025-05-14T18:35") is UTC; an
 * ISO-8601 date-time with an offset or a Z is taken as written.
 */
public final class FormTimes {

    private static final Pattern LOCAL = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?");

    private FormTimes() {
    }

    /**
     * The time in {@code field}, null when blank.
     *
     * @throws ApiException 400 naming the field when it is not a time
     */
    public static Instant instant(String field, String text) {
        try {
            return parse(text);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(field + " must be a date and time (UTC) like 2025-05-14T18:35, not '" + text + "'");
        }
    }

    /**
     * A datetime-local value (UTC), an ISO-8601 date-time with an offset, or an instant ("...Z"); null when blank.
     *
     * @throws DateTimeParseException when it is none of these (callers word the refusal for their field)
     */
    public static Instant parse(String text) {
        if (text == null || text.isBlank()) return null;
        String t = utc(text.strip());
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            return Instant.parse(t);
        }
    }

    /** A datetime-local value as an ISO-8601 UTC date-time; anything else unchanged. */
    public static String utc(String time) {
        if (time == null || !LOCAL.matcher(time.strip()).matches()) return time;
        return LocalDateTime.parse(time.strip()).atOffset(ZoneOffset.UTC).toString();
    }

    /** A date-time as a datetime-local input shows it (UTC); anything unreadable unchanged. */
    public static String inputValue(String time) {
        if (time == null || time.isBlank() || LOCAL.matcher(time.strip()).matches()) return time;
        try {
            return OffsetDateTime.parse(time.strip().replace(' ', '+')).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime().toString();
        } catch (DateTimeParseException e) {
            return time;
        }
    }
}
