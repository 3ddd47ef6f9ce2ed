package cn.perftarget.web.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.perftarget.identity.Actor;
import cn.perftarget.identity.UserAdministration;
import cn.perftarget.identity.UserCommand;
import cn.perftarget.web.OpenApiConfiguration;

/** What a signed-in user does to their own account. */
@RestController
@Tag(name = OpenApiConfiguration.ADMIN)
@RequestMapping("/api/me")
class MeController {

    private final UserAdministration users;

    MeController(UserAdministration users) {
        this.users = users;
    }

    /** The JSON names the contract fixes: {@code {"current","new"}} ({@code new} is a Java keyword). */
    record PasswordBody(@NotNull @Size(max = UserCommand.MAX_PASSWORD_BYTES) String current,
                        @com.fasterxml.jackson.annotation.JsonProperty("new") @NotBlank
                        @Size(max = UserCommand.MAX_PASSWORD_BYTES) String next) {
    }

    @Operation(summary = "修改自己的密码", description = "{\"current\":当前密码,\"new\":新密码}；新密码至少 8 个字符、至多 72 字节（UTF-8，汉字各 3 字节），不能与用户名或当前密码相同。")
    @ApiResponse(responseCode = "204", description = "已修改")
    @ApiResponse(responseCode = "400", description = "当前密码不正确，或新密码不符合要求（errors 指出字段）")
    @PutMapping(value = "/password", consumes = "application/json")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changePassword(Actor actor, @Valid @RequestBody PasswordBody body) {
        users.changePassword(actor, body.current(), body.next());
    }
}
