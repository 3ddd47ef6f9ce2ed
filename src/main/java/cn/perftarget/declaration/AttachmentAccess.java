package cn.perftarget.declaration;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import cn.perftarget.audit.AuditAction;
import cn.perftarget.identity.Actor;

/**
 * Who may read and change a declaration's files, and in which revision a change lands. Reading follows reading the
 * declaration (others get 404); changing is for the filers of its unit while it is editable (DRAFT, RETURNED).
 * A submitted revision is frozen together with its files, so a change made after it (in a returned or withdrawn
 * draft, or an adjustment) first opens a new revision holding the same document.
 */
@Service
public class AttachmentAccess {

    /** The declaration a file belongs to, and the revision a read or a change is about. */
    public record Target(long id, String formKey, int formVersion, String department, int year, int revision) {
    }

    private final Access access;
    private final DocumentStore documents;
    private final Declarations declarations;
    private final Journal journal;
    private final Clock clock;

    AttachmentAccess(Access access, DocumentStore documents, Declarations declarations, Journal journal, Clock clock) {
        this.access = access;
        this.documents = documents;
        this.declarations = declarations;
        this.journal = journal;
        this.clock = clock;
    }

    /** The declaration at its current revision, if the caller may see it (404 otherwise). */
    @Transactional(readOnly = true)
    public Target readable(Actor actor, long id) {
        return target(access.visible(actor, id));
    }

    /** The declaration at revision {@code number}, if the caller may see it and the revision exists (404 otherwise). */
    @Transactional(readOnly = true)
    public Target readable(Actor actor, long id, int number) {
        var declaration = access.visible(actor, id);
        documents.find(declaration, number);
        return target(declaration, number);
    }

    /**
     * The declaration locked for the caller's transaction, at the revision a change of its files lands in: 404 when
     * the caller may not see it, 403 for anyone but a filer of its unit, 409 (naming {@code action}) when it is not
     * editable. Runs in the caller's transaction, so a change refused later leaves no new revision behind.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Target changeable(Actor actor, long id, String action) {
        var declaration = access.ownedForUpdate(actor, id);
        if (!declaration.status().isEditable()) {
            throw new StatusConflictException("申报表当前状态为“" + declaration.status().label() + "”，不能" + action);
        }
        var current = documents.find(declaration, declaration.revision());
        if (current.submittedAt() != null) {
            var now = clock.instant();
            declaration.documentSaved(now);
            documents.store(declaration, documents.read(current), actor.username(), now);
        }
        return target(declaration);
    }

    /** Records a change of the declaration's files on its audit chain, in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(Actor actor, long id, AuditAction action, String details) {
        var declaration = declarations.findById(id).orElseThrow(() -> new DeclarationNotFoundException(id));
        journal.record(actor, declaration, action, declaration.status(), details);
    }

    private static Target target(Declaration d) {
        return target(d, d.revision());
    }

    private static Target target(Declaration d, int revision) {
        return new Target(d.id(), d.formKey(), d.formVersion(), d.department(), d.year(), revision);
    }
}
