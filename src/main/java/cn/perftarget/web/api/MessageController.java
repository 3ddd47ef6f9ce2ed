package cn.perftarget.web.api;

import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.perftarget.identity.Actor;
import cn.perftarget.message.EmailSettings;
import cn.perftarget.message.MessageKind;
import cn.perftarget.message.MessageSettingsService;
import cn.perftarget.message.MessageView;
import cn.perftarget.message.Messages;
import cn.perftarget.web.OpenApiConfiguration;

/** The caller's own messages and message settings. */
@RestController
@Tag(name = OpenApiConfiguration.MESSAGES)
class MessageController {

    private final Messages messages;
    private final MessageSettingsService settings;

    MessageController(Messages messages, MessageSettingsService settings) {
        this.messages = messages;
        this.settings = settings;
    }

    record ReadAll(int marked) {
    }

    record SettingsBody(
            @Schema(description = "接收邮件的地址；不用邮件时为空") @Size(max = 200, message = "最多 200 个字符") String email,
            @Schema(description = "同时用邮件接收的消息类型") @NotNull(message = "不能为空")
            @Size(max = 20, message = "最多 20 项") Set<MessageKind> emailKinds) {
    }

    record SettingsView(String email, Set<MessageKind> emailKinds, boolean emailEnabled) {
    }

    @Operation(summary = "我的消息", description = "当前用户的消息，最新的在前；unread=true 只列未读。每条消息 {id, kind, declarationId, "
            + "title, text, createdAt, read}，declarationId 指向相关的申报表。分页（page 从 0 开始，size 默认 50、最多 500），"
            + "X-Total-Count 为总条数，Link 给出 first/prev/next/last 页的地址。")
    @ApiResponse(responseCode = "200", description = "本页消息（最新的在前）", headers = {
            @Header(name = PagedResponses.TOTAL_COUNT, description = PagedResponses.TOTAL_DESCRIPTION,
                    schema = @Schema(type = "integer", format = "int64")),
            @Header(name = HttpHeaders.LINK, description = PagedResponses.LINK_DESCRIPTION,
                    schema = @Schema(type = "string"))})
    @ApiResponse(responseCode = "400", description = "参数无效：page 小于 0，size 不在 1 到 500 之间，或 unread 不是 true/false（errors 指出参数）")
    @GetMapping("/api/messages")
    ResponseEntity<List<MessageView>> list(Actor actor,
                                           @Parameter(description = "true：只列未读消息") @RequestParam(defaultValue = "false")
                                           boolean unread,
                                           @Parameter(description = PagedResponses.PAGE_DESCRIPTION)
                                           @RequestParam(defaultValue = "0") @Min(value = 0, message = PagedResponses.PAGE_MESSAGE)
                                           int page,
                                           @Parameter(description = PagedResponses.SIZE_DESCRIPTION)
                                           @RequestParam(defaultValue = "50") @Min(value = 1, message = PagedResponses.SIZE_MESSAGE)
                                           @Max(value = 500, message = PagedResponses.SIZE_MESSAGE) int size,
                                           HttpServletRequest request) {
        return PagedResponses.of(messages.page(actor, unread, page, size), request);
    }

    @Operation(summary = "标为已读", description = "把当前用户的一条消息标为已读；别人的消息视为不存在。")
    @ApiResponse(responseCode = "200", description = "已标为已读的消息")
    @ApiResponse(responseCode = "404", description = "消息不存在，或不是当前用户的")
    @PostMapping("/api/messages/{id}/read")
    MessageView read(Actor actor, @PathVariable long id) {
        return messages.markRead(actor, id);
    }

    @Operation(summary = "全部已读", description = "把当前用户的所有未读消息标为已读；marked 为标记的条数。")
    @ApiResponse(responseCode = "200", description = "已全部标为已读")
    @PostMapping("/api/messages/read-all")
    ReadAll readAll(Actor actor) {
        return new ReadAll(messages.markAllRead(actor));
    }

    @Operation(summary = "我的消息设置", description = "哪些类型的消息同时用邮件发送，发到哪个地址；emailEnabled 表示系统是否开启了邮件通道。")
    @ApiResponse(responseCode = "200", description = "当前设置")
    @GetMapping("/api/me/message-settings")
    SettingsView mySettings(Actor actor) {
        return view(settings.of(actor));
    }

    @Operation(summary = "修改消息设置", description = "{\"email\":地址,\"emailKinds\":[类型...]}；选择了类型就须填写地址。"
            + "站内消息总是送达，这里只决定是否另发邮件。")
    @ApiResponse(responseCode = "200", description = "已保存")
    @ApiResponse(responseCode = "400", description = "地址无效、选择了类型却没有地址，或类型不存在（errors 指出字段）")
    @PutMapping(value = "/api/me/message-settings", consumes = "application/json")
    SettingsView changeSettings(Actor actor, @Valid @RequestBody SettingsBody body) {
        return view(settings.change(actor, new EmailSettings(body.email(), body.emailKinds())));
    }

    private SettingsView view(EmailSettings current) {
        return new SettingsView(current.email(), current.kinds(), settings.emailEnabled());
    }
}
