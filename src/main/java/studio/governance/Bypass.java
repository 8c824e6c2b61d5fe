package studio.governance;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A request to take a milestone past its gates by a governor's decision: force close an Escalated milestone to
 * Reached, or terminate a Blocked or Escalated one. Never one person's act: it waits for the milestone's bypass quorum
 * (a second governor by default), never its requester, never the person who escalated the milestone.
 *
 * @param approvals the approvals given so far, oldest first
 * @param decidedBy who completed or stopped it (null while requested)
 */
public record Bypass(long id, Kind kind, Status status, String requestedBy, List<Quorum.Signature> approvals, String decidedBy,
                     Instant decidedAt) {

    public enum Kind {
        FORCE_CLOSE("force close"), TERMINATE("termination");

        private final String noun;

        Kind(String noun) {
            this.noun = noun;
        }

        /** "force close", "termination": as sentences name it. */
        public String noun() {
            return noun;
        }

        /** "force-close", "terminate": as URLs and stored rows name it. */
        public String slug() {
            return this == FORCE_CLOSE ? "force-close" : "terminate";
        }

        /** The states it may happen from (the lifecycle's FORCE_CLOSE and TERMINATE edges). */
        public boolean allowedIn(MilestoneState state) {
            return this == FORCE_CLOSE ? state == MilestoneState.ESCALATED
                    : state == MilestoneState.BLOCKED || state == MilestoneState.ESCALATED;
        }

        String needs() {
            return this == FORCE_CLOSE ? "the milestone Escalated" : "the milestone Blocked or Escalated";
        }

        public static Kind fromSlug(String slug) {
            for (Kind k : values()) if (k.slug().equals(slug)) return k;
            throw new IllegalArgumentException("no bypass '" + slug + "' (force-close or terminate)");
        }
    }

    public enum Status {
        REQUESTED, APPROVED, REJECTED, LAPSED;

        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Bypass {
        approvals = approvals == null ? List.of() : List.copyOf(approvals);
    }

    public boolean approvedBy(String person) {
        return approvals.stream().anyMatch(a -> a.person().equals(person));
    }
}
