package cn.perftarget.declaration;

import java.time.Clock;

import org.springframework.stereotype.Component;

/**
 * Status moves decided by the approval process. The BPMN calls these on the sequence flows it takes
 * (e.g. {@code ${declarationLifecycle.returned(declarationId)}}), in the transaction of the call that moved it.
 */
@Component("declarationLifecycle")
public class DeclarationLifecycle {

    private final Declarations declarations;
    private final DocumentStore documents;
    private final Clock clock;

    DeclarationLifecycle(Declarations declarations, DocumentStore documents, Clock clock) {
        this.declarations = declarations;
        this.documents = documents;
        this.clock = clock;
    }

    public void submitted(long declarationId) {
        var declaration = load(declarationId);
        declaration.submit(clock.instant());
        documents.freezeCurrent(declaration, clock.instant());
        declaration.touch(clock.instant());
    }

    public void withdrawn(long declarationId) {
        change(declarationId).withdraw();
    }

    public void forwardedToFinance(long declarationId) {
        change(declarationId).forwardToFinance();
    }

    public void forwardedToExpert(long declarationId) {
        change(declarationId).forwardToExpert();
    }

    public void returned(long declarationId) {
        change(declarationId).returnForRevision();
    }

    public void rejected(long declarationId) {
        change(declarationId).reject();
    }

    public void approved(long declarationId) {
        change(declarationId).approve();
    }

    private Declaration change(long declarationId) {
        var declaration = load(declarationId);
        declaration.touch(clock.instant());
        return declaration;
    }

    private Declaration load(long declarationId) {
        return declarations.findById(declarationId).orElseThrow(() -> new DeclarationNotFoundException(declarationId));
    }
}
