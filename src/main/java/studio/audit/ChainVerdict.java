package studio.audit;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A verification of the audit chain as the timeline shows it: the verdict, and the sequence number of the
 * {@code AuditVerified} event that recorded it (so the page showing it has a URL that reloads to the same verdict).
 *
 * @param firstBadSeq the first row the chain cannot vouch for (broken chains only)
 */
public record ChainVerdict(boolean valid, long events, String head, Long firstBadSeq, String reason, Long recordedSeq) {

    public static ChainVerdict of(ChainVerification v, Long recordedSeq) {
        if (v instanceof ChainVerification.Intact i) return new ChainVerdict(true, i.events(), i.head(), null, null, recordedSeq);
        ChainVerification.Broken b = (ChainVerification.Broken) v;
        return new ChainVerdict(false, 0, null, b.firstBadSeq(), b.reason(), recordedSeq);
    }

    /** From the payload an {@code AuditVerified} event recorded ({@link AuditEventJson#verdict}). */
    public static ChainVerdict recorded(JsonNode payload, long seq) {
        if (payload.path("valid").asBoolean(false)) {
            return new ChainVerdict(true, payload.path("events").asLong(), payload.path("head").asText(null), null, null, seq);
        }
        return new ChainVerdict(false, 0, null, payload.path("first_bad_seq").asLong(), payload.path("reason").asText(null), seq);
    }

    /** The timeline page that starts at the first bad row. */
    public String firstBadHref() {
        return firstBadSeq == null ? null : "/audit?after=" + (firstBadSeq + 1) + "#event-" + firstBadSeq;
    }
}
