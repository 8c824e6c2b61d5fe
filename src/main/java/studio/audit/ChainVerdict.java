package studio.audit;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A verification of the audit chain as the timeline shows it: the verdict, how far signed checkpoints anchor it, and
 * the sequence number of the {@code AuditVerified} event that recorded it (so the page showing it has a URL that
 * reloads to the same verdict).
 *
 * @param status {@code intact}, {@code not_yet_anchored}, {@code empty} or {@code broken} ({@link TrailVerification.Status})
 * @param firstBadSeq the first row the chain cannot vouch for (broken chains only)
 */
public record ChainVerdict(boolean valid, String status, long events, String head, long anchoredSeq, long unanchored,
                           Long firstBadSeq, String reason, Long recordedSeq) {

    public static ChainVerdict of(TrailVerification v, Long recordedSeq) {
        if (v.chain() instanceof ChainVerification.Intact i) {
            return new ChainVerdict(true, v.status().json(), i.events(), i.head(), v.anchoredSeq(), v.unanchored(), null, null, recordedSeq);
        }
        ChainVerification.Broken b = (ChainVerification.Broken) v.chain();
        return new ChainVerdict(false, v.status().json(), 0, null, 0, 0, b.firstBadSeq(), b.reason(), recordedSeq);
    }

    /**
     * From the payload an {@code AuditVerified} event recorded ({@link AuditEventJson#verdict}). Verdicts recorded before
     * checkpoints were weighed carry no status; they said "intact", and are shown as they said it.
     */
    public static ChainVerdict recorded(JsonNode payload, long seq) {
        if (payload.path("valid").asBoolean(false)) {
            long events = payload.path("events").asLong();
            return new ChainVerdict(true, payload.path("status").asText("intact"), events, payload.path("head").asText(null),
                    payload.path("anchored_seq").asLong(events), payload.path("unanchored").asLong(0), null, null, seq);
        }
        return new ChainVerdict(false, "broken", 0, null, 0, 0, payload.path("first_bad_seq").asLong(), payload.path("reason").asText(null), seq);
    }

    public boolean intact() {
        return "intact".equals(status);
    }

    public boolean notYetAnchored() {
        return "not_yet_anchored".equals(status);
    }

    public boolean empty() {
        return "empty".equals(status);
    }

    /** The first row no checkpoint vouches for. */
    public long firstUnanchoredSeq() {
        return anchoredSeq + 1;
    }

    /** The timeline page that starts at the first row no checkpoint vouches for. */
    public String firstUnanchoredHref() {
        return "/audit?after=" + (anchoredSeq + 2) + "#event-" + (anchoredSeq + 1);
    }

    /** The timeline page that starts at the first bad row. */
    public String firstBadHref() {
        return firstBadSeq == null ? null : "/audit?after=" + (firstBadSeq + 1) + "#event-" + firstBadSeq;
    }
}
