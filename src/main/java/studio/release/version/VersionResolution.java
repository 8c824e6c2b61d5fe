package studio.release.version;

/** The resolver's answer: a tag, or why there is none with the HTTP status the API answers. */
public sealed interface VersionResolution {

    /**
     * @param strategy    the strategy that produced the tag, null for a tag the request named
     * @param explanation how the tag was found, for the release's audit entry
     */
    record Resolved(String tag, VersionStrategy strategy, String explanation) implements VersionResolution {}

    /** {@code status}: 400 for a malformed tag or a tag that cannot be derived, 409 for a tag that exists. */
    record Rejected(int status, String message) implements VersionResolution {}
}
