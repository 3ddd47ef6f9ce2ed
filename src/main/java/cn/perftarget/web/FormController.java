package cn.perftarget.web;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.perftarget.declaration.DeclarationNotFoundException;
import cn.perftarget.definition.FormDefinitions;

@RestController
@RequestMapping("/api/forms")
class FormController {

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

    /** The latest version; with {@code ?year=} the version a declaration of that budget year would use. */
    @GetMapping("/{key}")
    JsonNode get(@PathVariable String key, @RequestParam(required = false) Integer year) {
        var found = year == null ? forms.latest(key) : forms.forYear(key, year);
        return found.map(f -> f.source())
                .orElseThrow(() -> new DeclarationNotFoundException(year == null || !forms.exists(key)
                        ? "表单“" + key + "”不存在" : "表单“" + key + "”没有适用于" + year + "年的版本"));
    }
}
