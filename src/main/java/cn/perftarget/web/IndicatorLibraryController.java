package cn.perftarget.web;

import java.util.List;

import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.perftarget.library.IndicatorLibrary;
import cn.perftarget.library.LibraryIndicator;

/** The 指标库, for any signed-in user (the web form offers it when a filer adds an indicator row). */
@RestController
class IndicatorLibraryController {

    private final IndicatorLibrary library;

    IndicatorLibraryController(IndicatorLibrary library) {
        this.library = library;
    }

    @GetMapping("/api/indicator-library")
    List<LibraryIndicator> search(@RequestParam(required = false) @Size(max = 100, message = "最多 100 个字符") String q,
                                  @RequestParam(required = false) @Size(max = 50, message = "最多 50 个字符") String level1,
                                  @RequestParam(required = false) @Size(max = 50, message = "最多 50 个字符") String level2,
                                  @RequestParam(required = false) @Size(max = 50, message = "最多 50 个字符") String framework) {
        return library.search(q, level1, level2, framework);
    }
}
