package studio.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import studio.input.InputProblem;

/** The file formats the audit trail exports to, with their media type and file name extension. */
public enum AuditExportFormat {
    CSV("csv", "text/csv; charset=UTF-8"),
    JSONL("jsonl", "application/x-ndjson");

    private final String extension;
    private final String mediaType;

    AuditExportFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    /** The format named by {@code format=csv|jsonl}. @throws InvalidAuditQuery naming the parameter otherwise */
    public static AuditExportFormat named(String name) {
        String wanted = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.extension.equals(wanted)).findFirst()
                .orElseThrow(() -> new InvalidAuditQuery(List.of(new InputProblem(
                        "format must be csv or jsonl" + (wanted.isEmpty() ? "" : ", not '" + name + "'"), null, null, "format"))));
    }

    public String extension() {
        return extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public AuditEventWriter open(OutputStream out) throws IOException {
        return this == CSV ? new AuditCsv(out) : new AuditJsonLines(out);
    }
}
