package studio.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The audit trail as JSON Lines: one event per line in the API's JSON shape ({@link AuditEventJson}), each line
 * ended by LF, UTF-8.
 */
public final class AuditJsonLines implements AuditEventWriter {

    private final JsonGenerator out;

    public AuditJsonLines(OutputStream out) throws IOException {
        this.out = AuditEventJson.FACTORY.createGenerator(out)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .setRootValueSeparator(null);
    }

    @Override
    public void write(AuditEvent event) throws IOException {
        AuditEventJson.write(event, out);
        out.writeRaw('\n');
    }

    @Override
    public void finish() throws IOException {
        out.flush();
    }
}
