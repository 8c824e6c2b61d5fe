package studio.persistence;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/** Work a timer does item by item, so one item's failure neither undoes nor stops the others. */
public final class OwnTransactions {

    private OwnTransactions() {
    }

    /**
     * Reads the due items in a transaction of its own, then handles each in its own; a failure is logged as
     * {@code failed} (a format with the item as its argument) and the next item handled.
     */
    public static <K> void each(Callable<List<K>> due, Consumer<K> handle, Logger log, String failed) {
        for (K item : QuarkusTransaction.requiringNew().call(due)) {
            try {
                QuarkusTransaction.requiringNew().run(() -> handle.accept(item));
            } catch (RuntimeException e) {
                log.warnf(e, failed, item);
            }
        }
    }
}
