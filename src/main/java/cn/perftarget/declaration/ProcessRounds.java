package cn.perftarget.declaration;

import org.springframework.stereotype.Component;

import cn.perftarget.definition.FormDefinitions;
import cn.perftarget.identity.Actor;

/** Starts a declaration's round of fill-in and review on the process its template names (its latest version). */
@Component
class ProcessRounds {

    private final ApprovalProcess process;
    private final FormDefinitions forms;

    ProcessRounds(ApprovalProcess process, FormDefinitions forms) {
        this.process = process;
        this.forms = forms;
    }

    void start(Declaration declaration, Actor actor) {
        String key = forms.find(declaration.formKey(), declaration.formVersion())
                .map(definition -> definition.process()).orElse("DeclarationApproval");
        declaration.runsOn(process.start(key, declaration.processRef(), actor));
    }
}
