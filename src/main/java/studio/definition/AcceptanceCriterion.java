package studio.definition;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One acceptance criterion of a milestone or deliverable. Written as plain text, as a markdown checklist item
 * ({@code "[ ] text"}, {@code "[x] text"}), or as a mapping {@code {text, met, metBy, gate}}.
 *
 * @param met  as marked in the definition: true/false for checklist items and mappings that say so, null when unsaid
 * @param gate the milestone gate whose status decides this criterion, or null when a person decides it
 */
public record AcceptanceCriterion(String text, Boolean met, String metBy, String gate) {

    private static final Pattern CHECKLIST = Pattern.compile("\\[([ xX])\\]\\s*(.*)", Pattern.DOTALL);

    public static AcceptanceCriterion plain(String text) {
        return new AcceptanceCriterion(text, null, null, null);
    }

    /** Reads a text item: a checklist item gives text and met; anything else is plain text. */
    static AcceptanceCriterion fromText(String written) {
        Matcher m = CHECKLIST.matcher(written.strip());
        if (!m.matches()) return plain(written);
        return new AcceptanceCriterion(m.group(2), !m.group(1).isBlank(), null, null);
    }

    /** Whether plain text would read back as a checklist item (and so must be written as a mapping). */
    static boolean looksLikeChecklist(String text) {
        return CHECKLIST.matcher(text.strip()).matches();
    }
}
