package studio.audit;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The audit trail as CSV (RFC 4180): a header row, CRLF line ends, UTF-8, and a field quoted when it holds a comma,
 * quote, CR or LF (quotes doubled). {@code actor_roles} are space-separated; {@code payload} is the stored JSON
 * text in one column; an absent value is an empty field.
 *
 * <p>CSV is for spreadsheets, and a spreadsheet runs a cell that begins with {@code = + - @}, a tab or a carriage
 * return as a formula: an actor name or a reason typed by anyone could then run on an auditor's machine. Such a cell
 * is written with a leading {@code '} (OWASP's CSV injection rule, {@link #neutralised}), which spreadsheets show as
 * text. The JSON Lines export keeps every value exactly as stored and hashed: it is the one to verify.
 */
public final class AuditCsv implements AuditEventWriter {

    static final List<String> HEADER = List.of("seq", "occurred_at", "actor", "actor_roles", "subject_type", "subject_id",
            "type", "trace_id", "payload", "prev_hash", "hash");

    private final Writer out;

    public AuditCsv(OutputStream out) throws IOException {
        this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        row(HEADER);
    }

    @Override
    public void write(AuditEvent event) throws IOException {
        AuditRecord r = event.record();
        row(List.of(Long.toString(r.seq()), r.occurredAt() == null ? "" : AuditHasher.instant(r.occurredAt()),
                text(r.actor()), String.join(" ", r.actorRoles()), text(r.subjectType()), text(r.subjectId()),
                text(r.type()), text(r.traceId()), text(r.payloadJson()), text(r.prevHash()), text(event.hash())));
    }

    @Override
    public void finish() throws IOException {
        out.flush();
    }

    /**
     * The value a spreadsheet shows as text: prefixed with {@code '} when it begins with {@code = + - @}, a tab or a
     * carriage return (https://owasp.org/www-community/attacks/CSV_Injection).
     */
    public static String neutralised(String value) {
        if (value.isEmpty()) return value;
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r' ? "'" + value : value;
    }

    /** One CSV field: quoted only when it must be. */
    static String field(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\r' || c == '\n') return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }

    private void row(List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) out.write(',');
            out.write(field(neutralised(fields.get(i))));
        }
        out.write("\r\n");
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
