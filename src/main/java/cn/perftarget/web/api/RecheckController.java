package cn.perftarget.web.api;

import java.math.BigDecimal;
import java.net.URI;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.perftarget.declaration.DeclarationNotFoundException;
import cn.perftarget.declaration.SelfEvaluationRechecks;
import cn.perftarget.identity.Actor;
import cn.perftarget.web.OpenApiConfiguration;

/** 财政复核 of self-evaluations: the year's sample (drawn once by the 绩效科) and the 复核 score of each drawn one. */
@RestController
@Tag(name = OpenApiConfiguration.REVIEW)
@RequestMapping("/api/self-evaluation-rechecks")
class RecheckController {

    private static final String YEAR = "应在 2000 到 2100 之间";
    private static final String SCORE = "应在 0 到 100 之间";

    private final SelfEvaluationRechecks rechecks;

    RecheckController(SelfEvaluationRechecks rechecks) {
        this.rechecks = rechecks;
    }

    record DrawRequest(
            @Schema(description = "预算年度") @NotNull(message = "不能为空") @Min(value = 2000, message = YEAR)
            @Max(value = 2100, message = YEAR) Integer year,
            @Schema(description = "抽样比例（%），1 到 100；至少抽取 1 份", example = "20") @NotNull(message = "不能为空")
            @Min(value = 1, message = "应在 1 到 100 之间") @Max(value = 100, message = "应在 1 到 100 之间") Integer share) {
    }

    record RecordRequest(
            @Schema(description = "财政复核得分（0–100，最多两位小数）；等级按模板的等级线得出", example = "86.5")
            @NotNull(message = "不能为空") @DecimalMin(value = "0", message = SCORE) @DecimalMax(value = "100", message = SCORE)
            @Digits(integer = 3, fraction = 2, message = "最多两位小数") BigDecimal score,
            @Schema(description = "复核意见") @Size(max = 1000, message = "最多 1000 个字") String comment) {
    }

    @Operation(summary = "抽取财政复核样本", description = "财政绩效科从某年度已批复的绩效自评表中按比例随机抽取复核样本"
            + "（{\"year\":2020,\"share\":20}，向上取整，至少 1 份）；随机种子 seed 随样本保存，可据以复现抽取结果。"
            + "抽中的自评表记一条“抽中财政复核”审计记录，其单位填报人收到一条“抽中复核”消息。每个年度只抽取一次。")
    @ApiResponse(responseCode = "201", description = "已抽取：样本及抽中的自评表（自评得分、等级）")
    @ApiResponse(responseCode = "400", description = "year 或 share 无效（errors 指出字段）")
    @ApiResponse(responseCode = "403", description = "只有可查看全部单位的财政审核人可以抽取（先于请求体检查）")
    @ApiResponse(responseCode = "409", description = "该年度已经抽取，或还没有已批复的绩效自评表")
    @PostMapping
    ResponseEntity<SelfEvaluationRechecks.Sample> draw(Actor actor, @Valid @RequestBody DrawRequest request) {
        var sample = rechecks.draw(actor, request.year(), request.share());
        return ResponseEntity.created(URI.create("/api/self-evaluation-rechecks?year=" + sample.year())).body(sample);
    }

    @Operation(summary = "查看财政复核样本", description = "某年度的财政复核样本：抽样比例、种子、总体份数、抽取人和时间，"
            + "以及当前用户可见范围内抽中的自评表，每份的自评得分和等级、已记录的复核得分、等级和意见（未复核时为 null）。")
    @ApiResponse(responseCode = "200", description = "样本")
    @ApiResponse(responseCode = "400", description = "year 缺失或不在 2000 到 2100 之间")
    @ApiResponse(responseCode = "403", description = "只对财政、审计和管理员开放")
    @ApiResponse(responseCode = "404", description = "该年度尚未抽取")
    @GetMapping
    SelfEvaluationRechecks.Sample get(Actor actor, @RequestParam @Min(value = 2000, message = YEAR)
                                      @Max(value = 2100, message = YEAR) int year) {
        return rechecks.of(actor, year).orElseThrow(() -> new DeclarationNotFoundException(year + "年度尚未抽取财政复核样本"));
    }

    @Operation(summary = "记录财政复核得分", description = "财政绩效科记录（或更正）一份抽中的自评表的复核得分和意见"
            + "（{\"score\":86.5,\"comment\":\"…\"}）；等级按模板的等级线（优 ≥ 90、良 ≥ 80、中 ≥ 60、差）得出。记入审计。")
    @ApiResponse(responseCode = "200", description = "已记录：该自评表的自评与复核得分")
    @ApiResponse(responseCode = "400", description = "score 缺失、不在 0 到 100 之间或多于两位小数，comment 过长（errors 指出字段）")
    @ApiResponse(responseCode = "403", description = "只有可查看全部单位的财政审核人可以记录（先于请求体检查）")
    @ApiResponse(responseCode = "404", description = "该年度尚未抽取，或这份申报表不在样本中")
    @PutMapping("/{year}/items/{declarationId}")
    SelfEvaluationRechecks.Item record(Actor actor, @PathVariable int year, @PathVariable long declarationId,
                                       @Valid @RequestBody RecordRequest request) {
        // No constraints on the path: with them Spring validates the whole call and names no body field; a year or
        // id that names no sample or no drawn self-evaluation is a 404 anyway.
        return rechecks.record(actor, year, declarationId, request.score(), request.comment());
    }
}
