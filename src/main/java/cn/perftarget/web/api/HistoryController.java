package cn.perftarget.web.api;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.perftarget.declaration.DeclarationHistory;
import cn.perftarget.declaration.DeclarationQueries;
import cn.perftarget.declaration.FieldChange;
import cn.perftarget.declaration.RevisionView;
import cn.perftarget.declaration.TimelineEntry;
import cn.perftarget.identity.Actor;
import cn.perftarget.web.OpenApiConfiguration;

/** Revisions, diffs and the event history of one declaration. */
@RestController
@Tag(name = OpenApiConfiguration.FILING)
@RequestMapping("/api/declarations/{id}")
class HistoryController {

    private final DeclarationQueries queries;
    private final DeclarationHistory history;

    HistoryController(DeclarationQueries queries, DeclarationHistory history) {
        this.queries = queries;
        this.history = history;
    }

    @Operation(summary = "修订列表", description = "一份申报表的全部修订：修订号、时间、保存人。")
    @ApiResponse(responseCode = "200", description = "修订列表")
    @ApiResponse(responseCode = "404", description = "不存在或无权查看")
    @GetMapping("/revisions")
    List<RevisionView> revisions(Actor actor, @PathVariable long id) {
        return queries.revisions(actor, id);
    }

    @Operation(summary = "查看某一修订", description = "某一修订冻结时的文档。")
    @ApiResponse(responseCode = "200", description = "修订及其文档")
    @ApiResponse(responseCode = "404", description = "申报表或修订不存在，或无权查看")
    @GetMapping("/revisions/{number}")
    RevisionView revision(Actor actor, @PathVariable long id, @PathVariable int number) {
        return queries.revision(actor, id, number);
    }

    @Operation(summary = "两次修订的差异", description = "两次修订之间的字段级差异：[{path, old, new}]。")
    @ApiResponse(responseCode = "200", description = "差异列表")
    @ApiResponse(responseCode = "404", description = "申报表或修订不存在，或无权查看")
    @GetMapping("/diff")
    List<FieldChange> diff(Actor actor, @PathVariable long id, @RequestParam int from, @RequestParam int to) {
        return queries.diff(actor, id, from, to);
    }

    /** Our audit events merged with the engine's activities (tasks, assignees, durations), oldest first. */
    @Operation(summary = "申报表的完整历史", description = "我们的操作记录与流程引擎的活动（任务、处理人、耗时）合并，按时间先后。")
    @ApiResponse(responseCode = "200", description = "历史条目")
    @ApiResponse(responseCode = "404", description = "不存在或无权查看")
    @GetMapping("/history")
    List<TimelineEntry> history(Actor actor, @PathVariable long id) {
        return history.timeline(actor, id);
    }
}
