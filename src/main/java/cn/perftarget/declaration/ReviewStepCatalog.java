package cn.perftarget.declaration;

import java.util.List;
import java.util.Optional;

/** The review steps the deployed process models define; the process module reads them from the models. */
public interface ReviewStepCatalog {

    /** The step with this status in the process version the declaration's instance runs on. */
    Optional<ReviewStepDefinition> step(ProcessRef ref, DeclarationStatus status);

    /** The steps of the latest version of every deployed process, each status once, in model order. */
    List<ReviewStepDefinition> steps();

    /** The status of this code, labelled as the models label it. */
    DeclarationStatus status(String code);
}
