package cn.perftarget.web.api;

import java.util.List;

import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.perftarget.library.IndicatorLibrary;
import cn.perftarget.library.LibraryIndicator;
import cn.perftarget.web.OpenApiConfiguration;

/** The 指标库, for any signed-in user (the web form offers it when a filer adds an indicator row). */
@RestController
@Tag(name = OpenApiConfiguration.FORMS)
class IndicatorLibraryController {

    private final IndicatorLibrary library;

    IndicatorLibraryController(IndicatorLibrary library) {
        this.library = library;
    }

    @Operation(summary = "查询指标库",
            description = "常用绩效指标（指标体系、一级、二级指标、指标名称、参考值、单位、是否核心指标、说明），供填报人添加指标行时选用。"
            + "q 在指标名称、一级二级指标和说明中查找（不分大小写）；level1、level2（带不带“指标”二字均可）和 framework 按指标体系筛选，form 只列适用于该模板（如 dept-overall）的指标体系；"
            + "不带的条件不筛选。核心指标在前。")
    @ApiResponse(responseCode = "200", description = "匹配的指标")
    @ApiResponse(responseCode = "400", description = "参数过长（errors 指出参数名）")
    @GetMapping("/api/indicator-library")
    List<LibraryIndicator> search(@RequestParam(required = false) @Size(max = 100, message = "最多 100 个字符") String q,
                                  @RequestParam(required = false) @Size(max = 50, message = "最多 50 个字符") String level1,
                                  @RequestParam(required = false) @Size(max = 50, message = "最多 50 个字符") String level2,
                                  @RequestParam(required = false) @Size(max = 50, message = "最多 50 个字符") String framework,
                                  @RequestParam(required = false) @Size(max = 50, message = "最多 50 个字符") String form) {
        return library.search(q, level1, level2, framework, form);
    }
}
