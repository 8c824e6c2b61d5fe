package studio.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Runs what must only happen once the current transaction committed (counting a milestone reached, for example):
 * a transaction that rolls back (a refusal, a failure, a dry run) leaves no trace in it. Outside a transaction it
 * runs at once.
 */
@ApplicationScoped
public class AfterCommit {

    @Inject
    TransactionSynchronizationRegistry registry;

    /**
     * Also from inside another synchronization's beforeCompletion (the audit log appends there), which the JTA registry
     * allows: a synchronization interposed then still runs, after the current one.
     */
    public void run(Runnable action) {
        if (registry.getTransactionStatus() == Status.STATUS_NO_TRANSACTION) {
            action.run();
            return;
        }
        registry.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) action.run();
            }
        });
    }
}
