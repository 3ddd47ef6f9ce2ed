package cn.perftarget.lifecycle;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;

/** Counts the application's committed write transactions (each one costs a sync to the disk on H2). */
public class CommitCounter implements TransactionExecutionListener {

    private final AtomicLong writes = new AtomicLong();

    @Override
    public void afterCommit(TransactionExecution transaction, Throwable failure) {
        if (failure == null && !transaction.isReadOnly()) {
            writes.incrementAndGet();
        }
    }

    long writes() {
        return writes.get();
    }
}
