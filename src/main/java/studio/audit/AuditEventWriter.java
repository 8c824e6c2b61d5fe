package studio.audit;

import java.io.IOException;

/**
 * Writes audit events to an export file one at a time, keeping nothing between events, so an export of any size
 * runs in constant memory. {@link #finish()} flushes what is buffered; the caller owns the stream.
 */
public sealed interface AuditEventWriter permits AuditCsv, AuditJsonLines {

    void write(AuditEvent event) throws IOException;

    void finish() throws IOException;
}
