package cn.perftarget.declaration;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import cn.perftarget.definition.FormDefinition;
import cn.perftarget.definition.FormDefinitions;
import cn.perftarget.identity.Actor;
import cn.perftarget.identity.Directory;
import cn.perftarget.identity.Role;

/**
 * Who a declaration concerns, for telling them what happened to it: the reviewers of one of its steps and the filers
 * of its unit, found by the same rules that let them act ({@link ReviewRules}, {@link Access}); and its name for
 * people. Runs inside the caller's transaction, so it sees the declaration as the action just left it.
 */
@Service
@Transactional(readOnly = true, propagation = Propagation.REQUIRED)
public class DeclarationPeople {

    private final Declarations declarations;
    private final ReviewStepCatalog catalog;
    private final ReviewRules rules;
    private final Directory directory;
    private final FormDefinitions forms;

    DeclarationPeople(Declarations declarations, ReviewStepCatalog catalog, ReviewRules rules, Directory directory,
                      FormDefinitions forms) {
        this.declarations = declarations;
        this.catalog = catalog;
        this.rules = rules;
        this.directory = directory;
        this.forms = forms;
    }

    /** Everyone (enabled) who may decide the step {@code status} of this declaration; the submitter never. */
    public List<String> reviewersOf(long id, DeclarationStatus status) {
        var declaration = load(id);
        return catalog.step(declaration.processRef(), status)
                .map(step -> directory.enabledActors().stream().filter(a -> rules.eligible(a, declaration, step))
                        .map(Actor::username).toList())
                .orElse(List.of());
    }

    /** The filers of the declaration's unit: the people who fill it in and answer for it. */
    public List<String> filersOf(long id) {
        var declaration = load(id);
        return directory.enabledActors().stream()
                .filter(a -> a.is(Role.FILER) && a.belongsTo(declaration.department()))
                .map(Actor::username).toList();
    }

    /** The declaration as people name it: 黄陂区大数据中心 2020 年部门整体支出绩效目标申报表. */
    public String title(long id) {
        var declaration = load(id);
        String form = forms.find(declaration.formKey(), declaration.formVersion()).map(FormDefinition::title)
                .orElse("申报表");
        return directory.departmentName(declaration.department()) + " " + declaration.year() + " 年" + form;
    }

    private Declaration load(long id) {
        return declarations.findById(id).orElseThrow(() -> new DeclarationNotFoundException(id));
    }
}
