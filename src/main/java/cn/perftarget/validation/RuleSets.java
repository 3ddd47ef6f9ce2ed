package cn.perftarget.validation;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import cn.perftarget.definition.DefinitionCheck;
import cn.perftarget.definition.FormDefinition;

/** Compiles each definition's rules when it is loaded (so a rule that does not compile stops the start-up) and keeps them. */
@Component
class RuleSets implements DefinitionCheck {

    private final Map<String, RuleSet> compiled = new ConcurrentHashMap<>();

    @Override
    public void verify(FormDefinition definition) {
        compiled.put(id(definition), RuleCompiler.compile(definition));
    }

    RuleSet of(FormDefinition definition) {
        return compiled.computeIfAbsent(id(definition), id -> RuleCompiler.compile(definition));
    }

    private static String id(FormDefinition definition) {
        return definition.key() + "@" + definition.version();
    }
}
