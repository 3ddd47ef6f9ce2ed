package cn.perftarget.declaration;

import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.perftarget.identity.Actor;

/** Everything a caller may read about the declarations they may see. */
@Service
@Transactional(readOnly = true)
public class DeclarationQueries {

    private final Declarations declarations;
    private final DocumentStore documents;
    private final Access access;
    private final Views views;

    DeclarationQueries(Declarations declarations, DocumentStore documents, Access access, Views views) {
        this.declarations = declarations;
        this.documents = documents;
        this.access = access;
        this.views = views;
    }

    /** Summaries (without documents) of the declarations the caller may see, optionally filtered. */
    public List<DeclarationView> list(Actor actor, DeclarationStatus status, Integer year) {
        return declarations.findAll(access.listable(actor, status, year), Sort.by("id")).stream()
                .map(d -> views.of(d, null))
                .toList();
    }

    /**
     * Summaries of the declarations in {@code step} that the caller decides there (their 主管部门 or 财政科室's
     * reviews), whatever else they may see.
     */
    public List<DeclarationView> awaiting(Actor actor, DeclarationStatus step) {
        return declarations.findAll(Access.within(access.decidingScope(actor, step), step, null), Sort.by("id"))
                .stream().map(d -> views.of(d, null)).toList();
    }

    /** What the caller may see, as sets a list query can turn into a WHERE clause. */
    public DeclarationScope scopeOf(Actor actor) {
        return access.scopeOf(actor);
    }

    /** One declaration without its document. */
    public DeclarationView summary(Actor actor, long id) {
        return views.of(access.visible(actor, id), null);
    }

    public DeclarationView get(Actor actor, long id) {
        var declaration = access.visible(actor, id);
        return views.of(declaration, documents.current(declaration));
    }

    public List<RevisionView> revisions(Actor actor, long id) {
        return documents.all(access.visible(actor, id)).stream().map(r -> views.of(r, null)).toList();
    }

    public RevisionView revision(Actor actor, long id, int number) {
        var revision = documents.find(access.visible(actor, id), number);
        return views.of(revision, documents.read(revision));
    }

    /** Field-level changes from revision {@code from} to revision {@code to}. */
    public List<FieldChange> diff(Actor actor, long id, int from, int to) {
        var declaration = access.visible(actor, id);
        return DocumentDiff.between(documents.read(documents.find(declaration, from)),
                documents.read(documents.find(declaration, to)));
    }
}
