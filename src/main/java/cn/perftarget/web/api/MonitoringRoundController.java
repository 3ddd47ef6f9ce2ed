package cn.perftarget.web.api;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.perftarget.declaration.MonitoringRounds;
import cn.perftarget.identity.Actor;
import cn.perftarget.web.OpenApiConfiguration;

/** 绩效运行监控轮次: 财政 opens one per year and period; everyone signed in reads a year's rounds in their scope. */
@RestController
@Tag(name = OpenApiConfiguration.FILING)
@RequestMapping("/api/monitoring-rounds")
class MonitoringRoundController {

    private static final String YEAR = "应在 2000 到 2100 之间";

    private final MonitoringRounds rounds;

    MonitoringRoundController(MonitoringRounds rounds) {
        this.rounds = rounds;
    }

    record OpenRequest(
            @Schema(description = "预算年度") @NotNull(message = "不能为空") @Min(value = 2000, message = YEAR)
            @Max(value = 2100, message = YEAR) Integer year,
            @Schema(description = "监控期间的起止月份，如 01-07（1–7月）", example = "01-07") @NotBlank(message = "不能为空")
            @Pattern(regexp = "(0[1-9]|1[0-2])-(0[1-9]|1[0-2])", message = "应为起止月份，如 01-07（1–7月）") String period,
            @Schema(description = "填报截止日期（当天结束前），须在监控期间结束之后", example = "2020-08-15")
            @NotNull(message = "不能为空") LocalDate lastDay) {
    }

    @Operation(summary = "开启运行监控", description = "财政绩效科（可查看全部单位的财政审核人）为某年度开启一轮绩效运行监控"
            + "（{\"year\":2020,\"period\":\"01-07\",\"lastDay\":\"2020-08-15\"}）：该年度每份已批复申报表的单位填报人收到一条"
            + "“监控任务”消息，申报表的审计记录中记一条“开启运行监控”；此后该年度、该期间的运行监控表以 lastDay 当天结束为截止时间"
            + "（submissionDeadline），逾期未提交的标为逾期。每个年度每个期间只能开启一次。")
    @ApiResponse(responseCode = "201", description = "已开启：本轮及其进度（asked 为已批复、被要求填报的申报表数）")
    @ApiResponse(responseCode = "400", description = "year、period 或 lastDay 无效，或截止日期不在监控期间结束之后（errors 指出字段）")
    @ApiResponse(responseCode = "403", description = "只有可查看全部单位的财政审核人可以开启（先于请求体检查）")
    @ApiResponse(responseCode = "409", description = "该年度该期间的运行监控已经开启")
    @PostMapping
    ResponseEntity<MonitoringRounds.Round> open(Actor actor, @Valid @RequestBody OpenRequest request) {
        var round = rounds.open(actor, request.year(), request.period(), request.lastDay());
        return ResponseEntity.created(URI.create("/api/monitoring-rounds?year=" + round.year())).body(round);
    }

    @Operation(summary = "列出运行监控轮次", description = "某年度已开启的运行监控轮次（按期间），每轮的截止时间和在当前用户可见范围内的进度："
            + "asked 已批复、被要求填报的申报表数，started 已新建的运行监控表数，submitted 其中已提交过的，approved 其中已批复的。")
    @ApiResponse(responseCode = "200", description = "该年度的轮次，没有时为空数组")
    @ApiResponse(responseCode = "400", description = "year 缺失或不在 2000 到 2100 之间")
    @GetMapping
    List<MonitoringRounds.Round> list(Actor actor, @RequestParam @Min(value = 2000, message = YEAR)
                                      @Max(value = 2100, message = YEAR) int year) {
        return rounds.of(actor, year);
    }
}
