package cn.perftarget.definition;

/**
 * A check that another module runs on every definition at start-up, e.g. that its rules compile. Throwing
 * {@link DefinitionProblem} stops the start-up with a message naming the file and the place in it.
 */
public interface DefinitionCheck {

    void verify(FormDefinition definition);
}
