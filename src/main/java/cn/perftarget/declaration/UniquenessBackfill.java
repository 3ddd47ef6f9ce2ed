package cn.perftarget.declaration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.perftarget.definition.FormDefinitions;

/**
 * Declarations filed before uniqueness keys existed get theirs at start-up, oldest first; when two of them are
 * already duplicates the older keeps the key and the younger is logged, since only a person can decide which one
 * should go. Nodes started together take turns: the declarations without a key are read locked.
 */
@Component
class UniquenessBackfill {

    private static final Logger log = LoggerFactory.getLogger(UniquenessBackfill.class);

    private final Declarations declarations;
    private final DocumentStore documents;
    private final FormDefinitions forms;
    private final DeclarationKeys keys;

    UniquenessBackfill(Declarations declarations, DocumentStore documents, FormDefinitions forms, DeclarationKeys keys) {
        this.declarations = declarations;
        this.documents = documents;
        this.forms = forms;
        this.keys = keys;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void assignMissingKeys() {
        for (Declaration declaration : declarations.findByUniquenessKeyIsNullOrderByIdAsc()) {
            var definition = forms.find(declaration.formKey(), declaration.formVersion()).orElse(null);
            if (definition == null || definition.uniqueness().parts().isEmpty()) {
                continue;
            }
            var document = definition.uniqueness().dependsOnDocument() ? documents.current(declaration) : null;
            String key = keys.keyOf(definition, declaration.department(), declaration.year(), document);
            if (key == null) {
                continue;
            }
            var holder = declarations.findByUniquenessKey(key);
            if (holder.isPresent()) {
                log.warn("Declarations {} and {} are duplicates of each other ({} {} {}); {} keeps the uniqueness key",
                        holder.get().id(), declaration.id(), declaration.formKey(), declaration.department(),
                        declaration.year(), holder.get().id());
                continue;
            }
            declaration.identifyAs(key);
            declarations.flush();
        }
    }
}
