package cn.perftarget.web;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.perftarget.declaration.DeclarationNotFoundException;
import cn.perftarget.definition.FormDefinition;
import cn.perftarget.definition.FormDefinitions;

@RestController
@RequestMapping("/api/forms")
class FormController {

    static final String SCHEMA_JSON = "application/schema+json";

    private final FormDefinitions forms;

    FormController(FormDefinitions forms) {
        this.forms = forms;
    }

    record FormSummary(String key, int version, String title) {
    }

    @GetMapping
    List<FormSummary> list() {
        return forms.latestVersions().stream().map(f -> new FormSummary(f.key(), f.version(), f.title())).toList();
    }

    @GetMapping("/{key}")
    JsonNode get(@PathVariable String key) {
        return forms.latest(key)
                .map(f -> f.source())
                .orElseThrow(() -> new DeclarationNotFoundException("表单“" + key + "”不存在"));
    }

    @GetMapping(path = "/{key}/schema", produces = {SCHEMA_JSON, "application/json"})
    JsonNode schema(@PathVariable String key, @RequestParam(required = false) Integer version,
                    @RequestParam(defaultValue = "false") boolean submission) {
        return definition(key, version).jsonSchema(submission);
    }

    private FormDefinition definition(String key, Integer version) {
        if (version == null) {
            return forms.latest(key).orElseThrow(() -> new DeclarationNotFoundException("表单“" + key + "”不存在"));
        }
        return forms.find(key, version)
                .orElseThrow(() -> new DeclarationNotFoundException("表单“" + key + "”没有第 " + version + " 版"));
    }
}
