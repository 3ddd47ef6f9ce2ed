package cn.perftarget;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Makes two nodes' start-up work meet after a read: each one's repository, wrapped, waits (briefly) after the named
 * call for the other to have made it too. Unless the read makes the other wait, both then act on what they read.
 */
public final class MeetingPoint {

    private MeetingPoint() {
    }

    /** {@code target} as a {@code type} that, after each {@code method} call, waits up to 500 ms at {@code barrier}. */
    public static <T> T after(Class<T> type, T target, String method, CyclicBarrier barrier) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, called, arguments) -> {
            Object result;
            // The repositories are package-private interfaces: their methods are public, their type is not.
            called.setAccessible(true);
            try {
                result = called.invoke(target, arguments);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (called.getName().equals(method) && !barrier.isBroken()) {
                try {
                    // Shorter than the database's lock timeout: a node kept waiting by the other may not fail.
                    barrier.await(500, TimeUnit.MILLISECONDS);
                } catch (TimeoutException | BrokenBarrierException e) {
                    // the other node waits for this one's commit: the order start-up work must have
                }
            }
            return result;
        }));
    }
}
