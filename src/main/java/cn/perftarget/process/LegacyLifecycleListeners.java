package cn.perftarget.process;

import org.springframework.stereotype.Component;

/**
 * The execution listeners of model versions before review steps came from the model
 * ({@code ${declarationLifecycle.returned(declarationId)}} …): a declaration that started on such a version finishes
 * on it. The declaration now follows where the instance waits after each call, so these do nothing.
 */
@Component("declarationLifecycle")
class LegacyLifecycleListeners {

    public void submitted(long declarationId) {
        // The submission moved the declaration already.
    }

    public void withdrawn(long declarationId) {
        // Likewise the withdrawal.
    }

    public void forwardedToFinance(long declarationId) {
        // The decision follows the instance to its next step.
    }

    public void forwardedToExpert(long declarationId) {
        // Likewise.
    }

    public void returned(long declarationId) {
        // Likewise.
    }

    public void rejected(long declarationId) {
        // Likewise.
    }

    public void approved(long declarationId) {
        // Likewise.
    }
}
