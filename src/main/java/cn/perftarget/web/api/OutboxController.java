package cn.perftarget.web.api;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.perftarget.declaration.ActionForbiddenException;
import cn.perftarget.identity.Actor;
import cn.perftarget.identity.Role;
import cn.perftarget.message.Outbox;
import cn.perftarget.message.OutboxEntry;
import cn.perftarget.web.OpenApiConfiguration;

/** The email outbox for administrators: what waits, what went out, what failed and why. */
@RestController
@Tag(name = OpenApiConfiguration.ADMIN)
class OutboxController {

    private final Outbox outbox;

    OutboxController(Outbox outbox) {
        this.outbox = outbox;
    }

    @Operation(summary = "邮件发件箱", description = "系统管理员查看待发送（PENDING）、已发送（SENT）和发送失败（FAILED）的邮件，"
            + "最新的在前，可按 status 筛选；lastError 为最近一次失败的原因。分页同其他列表。")
    @ApiResponse(responseCode = "200", description = "本页邮件", headers = {
            @Header(name = PagedResponses.TOTAL_COUNT, description = PagedResponses.TOTAL_DESCRIPTION,
                    schema = @Schema(type = "integer", format = "int64")),
            @Header(name = HttpHeaders.LINK, description = PagedResponses.LINK_DESCRIPTION,
                    schema = @Schema(type = "string"))})
    @ApiResponse(responseCode = "400", description = "参数无效：status 不是 PENDING、SENT、FAILED，或 page、size 无效（errors 指出参数）")
    @ApiResponse(responseCode = "403", description = "只有系统管理员可以查看发件箱")
    @GetMapping("/api/admin/outbox")
    ResponseEntity<List<OutboxEntry>> list(Actor actor,
                                           @Parameter(description = "PENDING、SENT 或 FAILED；不填为全部")
                                           @RequestParam(required = false) Outbox.State status,
                                           @Parameter(description = PagedResponses.PAGE_DESCRIPTION)
                                           @RequestParam(defaultValue = "0") @Min(value = 0, message = PagedResponses.PAGE_MESSAGE)
                                           int page,
                                           @Parameter(description = PagedResponses.SIZE_DESCRIPTION)
                                           @RequestParam(defaultValue = "50") @Min(value = 1, message = PagedResponses.SIZE_MESSAGE)
                                           @Max(value = 500, message = PagedResponses.SIZE_MESSAGE) int size,
                                           HttpServletRequest request) {
        if (!actor.is(Role.ADMIN)) {
            throw new ActionForbiddenException("发件箱只对系统管理员开放，当前用户角色为“" + actor.role().label() + "”");
        }
        return PagedResponses.of(outbox.page(status, page, size), request);
    }
}
