package cn.perftarget.web.api;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.perftarget.declaration.DeclarationCopies;
import cn.perftarget.identity.Actor;
import cn.perftarget.review.ReviewUrges;
import cn.perftarget.review.Urge;
import cn.perftarget.web.OpenApiConfiguration;

/** 抄送 and 催办 on one declaration. Who may is checked before the body is read (DeclarationBeforeBody). */
@RestController
@Tag(name = OpenApiConfiguration.MESSAGES)
@RequestMapping("/api/declarations/{id}")
class CopyAndUrgeController {

    private final DeclarationCopies copies;
    private final ReviewUrges urges;

    CopyAndUrgeController(DeclarationCopies copies, ReviewUrges urges) {
        this.copies = copies;
        this.urges = urges;
    }

    record CopyRequest(
            @Schema(description = "抄送的用户名") @Size(max = 100, message = "最多 100 人")
            List<@NotBlank(message = "不能为空") @Size(max = 100, message = "最多 100 个字符") String> users,
            @Schema(description = "抄送的单位代码：单位中每位在用的用户") @Size(max = 20, message = "最多 20 个单位")
            List<@NotBlank(message = "不能为空") @Size(max = 50, message = "最多 50 个字符") String> units,
            @Schema(description = "附言，随消息一起送达") @Size(max = 500, message = "最多 500 个字") String note) {
    }

    record Copied(long declarationId, List<String> users, List<String> names) {
    }

    @Operation(summary = "抄送", description = "本单位填报人或能看到这份申报表的审核人把它抄送给其他用户或单位（{\"users\":[用户名],\"units\":[单位代码],"
            + "\"note\":附言}）：他们收到一条“抄送”消息，此后可以查看这份申报表（页面、打印、PDF），但不能修改、提交或审核。记入审计。")
    @ApiResponse(responseCode = "200", description = "已抄送：users 为收到抄送的用户名，names 为他们的姓名")
    @ApiResponse(responseCode = "400", description = "用户或单位不存在、已停用、是本人，或一个也没有（errors 指出字段，如 /users/0）")
    @ApiResponse(responseCode = "403", description = "只有本单位填报人或审核人可以抄送（先于请求体检查）")
    @ApiResponse(responseCode = "404", description = "申报表不存在或无权查看")
    @PostMapping("/copies")
    Copied copy(Actor actor, @PathVariable long id, @Valid @RequestBody CopyRequest request) {
        var users = request.users() == null ? List.<String>of() : request.users();
        var units = request.units() == null ? List.<String>of() : request.units();
        var copied = copies.copy(actor, id, users, units, request.note());
        return new Copied(id, copied.users(), copied.names());
    }

    @Operation(summary = "催办", description = "本单位填报人或财政审核人催办申报表当前所在的审核环节：本环节的每位审核人收到一条“催办”消息。"
            + "每个环节每天（按截止时间所用的时区）只能催办一次。记入审计。")
    @ApiResponse(responseCode = "200", description = "已催办：step 为所在环节，reviewers 为收到催办的审核人的用户名，reviewerNames 为姓名")
    @ApiResponse(responseCode = "403", description = "只有本单位填报人或财政审核人可以催办")
    @ApiResponse(responseCode = "404", description = "申报表不存在或无权查看")
    @ApiResponse(responseCode = "409", description = "申报表不在审核中，或本环节没有审核人")
    @ApiResponse(responseCode = "429", description = "本环节今天已经催办过；Retry-After 为到明天还需等待的秒数", headers =
            @Header(name = "Retry-After", description = "到明天还需等待的秒数", schema = @Schema(type = "integer")))
    @PostMapping("/urge")
    Urge urge(Actor actor, @PathVariable long id) {
        return urges.urge(actor, id);
    }
}
