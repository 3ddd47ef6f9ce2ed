package cn.perftarget.declaration;

import com.fasterxml.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;

import cn.perftarget.identity.Directory;

/** Turns aggregates and revisions into the views callers get. */
@Component
class Views {

    private final Directory directory;

    Views(Directory directory) {
        this.directory = directory;
    }

    DeclarationView of(Declaration d, JsonNode document) {
        return new DeclarationView(d.id(), d.formKey(), d.formVersion(), d.department(),
                directory.departmentName(d.department()), d.year(), d.status(), d.revision(), d.approvedRevision(),
                d.filedBy(), d.createdAt(), d.updatedAt(), document);
    }

    RevisionView of(Revision r, JsonNode document) {
        return new RevisionView(r.number(), r.savedBy(), r.savedAt(), r.submittedAt(), document);
    }
}
