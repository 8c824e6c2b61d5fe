package studio.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A form a person sent and, once refused, why: the page shows the message next to that form and puts back what was
 * typed, so nothing is lost.
 *
 * @param form    which form on the page ("escalate", "approve-12", "override-7")
 * @param status  the refusal's HTTP status (0 while not refused)
 * @param message the refusal as a person reads it (null while not refused)
 * @param typed   the form's fields as sent, by name
 */
public record Attempt(String form, int status, String message, Map<String, List<String>> typed) {

    public Attempt {
        typed = Map.copyOf(typed);
    }

    public static Attempt of(String form) {
        return new Attempt(form, 0, null, Map.of());
    }

    /** The same attempt with a field as it was typed (null values are left out). */
    public Attempt with(String field, String value) {
        return value == null ? this : with(field, List.of(value));
    }

    public Attempt with(String field, List<String> values) {
        if (values == null) return this;
        Map<String, List<String>> all = new LinkedHashMap<>(typed);
        all.put(field, List.copyOf(values));
        return new Attempt(form, status, message, all);
    }

    /** The same attempt, refused with an HTTP status and the reason a person reads. */
    public Attempt refused(int status, String message) {
        return new Attempt(form, status, message, typed);
    }

    /** What was typed into {@code field}, or null. */
    public String value(String field) {
        List<String> values = typed.get(field);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Every value sent for {@code field} (checkboxes). */
    public List<String> values(String field) {
        return typed.getOrDefault(field, List.of());
    }

    public boolean isFor(String form) {
        return this.form.equals(form);
    }
}
