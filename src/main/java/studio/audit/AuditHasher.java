package studio.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
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

    /** The exact text that is hashed (see the class comment). */
    public static String canonicalForm(AuditRecord r) {
        StringBuilder out = new StringBuilder(256);
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
        out.append(',').append(r.payloadJson() == null ? "null" : CanonicalJson.canonicalize(r.payloadJson()));
        out.append(',');
        CanonicalJson.writeString(r.prevHash(), out);
        return out.append(']').toString();
    }

    /** An instant as the canonical form writes it: UTC, microsecond precision, six fraction digits. */
    public static String instant(Instant at) {
        return MICROS.format(at.truncatedTo(ChronoUnit.MICROS));
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    private static void appendRoles(List<String> roles, StringBuilder out) {
        List<String> sorted = roles.stream().sorted().toList();
        out.append('[');
        for (int i = 0; i < sorted.size(); i++) {
            if (i > 0) out.append(',');
            CanonicalJson.writeString(sorted.get(i), out);
        }
        out.append(']');
    }
}
