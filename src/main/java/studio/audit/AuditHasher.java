package studio.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;

/**
 * The hash that chains audit rows, reproducible by an auditor with any JSON library and sha256sum.
 *
 * <p>{@code hash(r)} is the lowercase hex SHA-256 of the UTF-8 bytes of the canonical form: a JSON array, written
 * without whitespace, of exactly these ten elements in this order:
 * <ol>
 *   <li>{@code seq}: a JSON number;</li>
 *   <li>{@code occurredAt}: a string, the instant in UTC truncated to microseconds, always six fraction digits:
 *       {@code "2025-05-14T18:35:00.000000Z"} (microseconds because that is what PostgreSQL keeps);</li>
 *   <li>{@code actor}: a string or null;</li>
 *   <li>{@code actorRoles}: an array of strings, sorted (UTF-16 code unit order), empty when none;</li>
 *   <li>{@code subjectType}: a string or null;</li>
 *   <li>{@code subjectId}: a string or null;</li>
 *   <li>{@code type}: a string or null;</li>
 *   <li>{@code traceId}: a string or null;</li>
 *   <li>{@code payloadJson}: the payload embedded as a JSON value in {@link CanonicalJson} form
 *       (keys sorted, no insignificant whitespace), or null when there is no payload;</li>
 *   <li>{@code prevHash}: a string, 64 lowercase hex characters.</li>
 * </ol>
 * Strings are escaped as {@link CanonicalJson} describes. Example:
 * {@code [1,"2025-05-14T18:35:00.000000Z","ci",["ci"],"milestone","mvp-ready","MilestoneReached","trace-1",{"qa":91.3},"000...000"]}
 */
public final class AuditHasher {

    /** The prevHash of the first row: 64 zeros. */
    public static final String GENESIS = "0".repeat(64);

    private static final DateTimeFormatter MICROS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private AuditHasher() {}

    public static String hash(AuditRecord record) {
        return sha256Hex(canonicalForm(record).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The hash with the payload embedded exactly as given, without canonicalizing it: equal to {@link #hash} when the
     * payload is already canonical, as {@link AuditLog} stores it. Verification tries this first because parsing and
     * rewriting every payload is most of the cost of hashing; a match proves the stored text is the canonical payload
     * that was hashed (short of a SHA-256 collision: every other element is escaped, so element boundaries cannot shift).
     */
    static String hashAsStored(AuditRecord record) {
        return sha256Hex(form(record, record.payloadJson()).getBytes(StandardCharsets.UTF_8));
    }

    /** The exact text that is hashed (see the class comment). */
    public static String canonicalForm(AuditRecord r) {
        return form(r, r.payloadJson() == null ? null : CanonicalJson.canonicalize(r.payloadJson()));
    }

    private static String form(AuditRecord r, String payload) {
        StringBuilder out = new StringBuilder(256 + (payload == null ? 0 : payload.length()));
        out.append('[').append(r.seq()).append(',');
        CanonicalJson.writeString(r.occurredAt() == null ? null : instant(r.occurredAt()), out);
        out.append(',');
        CanonicalJson.writeString(r.actor(), out);
        out.append(',');
        appendRoles(r.actorRoles(), out);
        for (String field : new String[] {r.subjectType(), r.subjectId(), r.type(), r.traceId()}) {
            out.append(',');
            CanonicalJson.writeString(field, out);
        }
        out.append(',').append(payload == null ? "null" : payload);
        out.append(',');
        CanonicalJson.writeString(r.prevHash(), out);
        return out.append(']').toString();
    }

    /** An instant as the canonical form writes it: UTC, microsecond precision, six fraction digits. */
    public static String instant(Instant at) {
        Instant micros = at.truncatedTo(ChronoUnit.MICROS);
        LocalDateTime t = LocalDateTime.ofEpochSecond(micros.getEpochSecond(), micros.getNano(), ZoneOffset.UTC);
        if (t.getYear() < 0 || t.getYear() > 9999) return MICROS.format(micros);
        // written by hand: verification formats one instant per row, and the formatter is a tenth of its hashing time
        char[] text = "0000-00-00T00:00:00.000000Z".toCharArray();
        digits(text, 0, 4, t.getYear());
        digits(text, 5, 2, t.getMonthValue());
        digits(text, 8, 2, t.getDayOfMonth());
        digits(text, 11, 2, t.getHour());
        digits(text, 14, 2, t.getMinute());
        digits(text, 17, 2, t.getSecond());
        digits(text, 20, 6, t.getNano() / 1000);
        return new String(text);
    }

    private static void digits(char[] text, int at, int width, int value) {
        for (int i = at + width - 1; i >= at; i--, value /= 10) text[i] = (char) ('0' + value % 10);
    }

    static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(SHA_256.get().digest(bytes));
    }

    /** One digest per thread, reused: verification hashes a million rows on one thread. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    });

    private static void appendRoles(List<String> roles, StringBuilder out) {
        List<String> sorted = roles.size() < 2 ? roles : roles.stream().sorted().toList();
        out.append('[');
        for (int i = 0; i < sorted.size(); i++) {
            if (i > 0) out.append(',');
            CanonicalJson.writeString(sorted.get(i), out);
        }
        out.append(']');
    }
}
