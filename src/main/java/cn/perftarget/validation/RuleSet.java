package cn.perftarget.validation;

import cn.perftarget.validation.rule.Labels;
import cn.perftarget.validation.rule.Rule;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** What one definition version checks, compiled once: its resolved schema, labels and rules. */
record RuleSet(JsonNode schema, Labels labels, List<Rule> rules) {
}
