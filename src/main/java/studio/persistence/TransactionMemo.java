package studio.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.function.Supplier;

/**
 * What one transaction remembers about its own writes (the sprints it has locked, the links it has made), so that
 * many inputs taken in one transaction do not repeat a statement whose effect is already there. It ends with the
 * transaction: another transaction, or a retry, starts with nothing remembered.
 */
@ApplicationScoped
public class TransactionMemo {

    @Inject
    TransactionSynchronizationRegistry registry;

    /** The current transaction's value under {@code key}, made by {@code fresh} on first use. */
    @SuppressWarnings("unchecked")
    public <T> T of(Object key, Supplier<T> fresh) {
        T value = (T) registry.getResource(key);
        if (value == null) {
            value = fresh.get();
            registry.putResource(key, value);
        }
        return value;
    }
}
