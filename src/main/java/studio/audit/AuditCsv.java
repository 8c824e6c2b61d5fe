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
 * text in one column; an absent value is an empty field. Values are written exactly as stored, never rewritten for
 * spreadsheets, because the export is evidence.
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
            out.write(field(fields.get(i)));
        }
        out.write("\r\n");
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
