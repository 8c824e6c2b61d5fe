package studio.evidence;

import studio.input.Fields;
import studio.input.Ids;
import studio.input.InputProblem;
import studio.input.InvalidInputException;

/** The sprint an evidence document was posted to ({@code /api/sprints/{sprintId}/...}) and the sprint its body names. */
final class PostedSprint {

    private PostedSprint() {}

    /** Rejects a malformed sprint id from the URL, and a missing one when the document cannot name its own. */
    static void requireValid(String fromUrl, boolean required) {
        String why = fromUrl == null ? (required ? "the sprint id in the URL is missing" : null)
                : Ids.whyInvalid("the sprint id in the URL", fromUrl);
        if (why != null) throw new InvalidInputException(InputProblem.of(why));
    }

    /** The URL's sprint, which the body's {@code sprintId} may repeat but not contradict; the body's without a URL. */
    static String resolve(Fields body, String fromUrl) {
        String named = fromUrl == null ? body.requiredId("sprintId") : body.id("sprintId");
        if (fromUrl != null && named != null && !named.equals(fromUrl)) body.problems().add(body.get("sprintId"), mismatch(named, fromUrl));
        return fromUrl != null ? fromUrl : named;
    }

    static String mismatch(String named, String fromUrl) {
        return "the document is for sprint '" + named + "' but was posted to sprint '" + fromUrl + "'";
    }
}
