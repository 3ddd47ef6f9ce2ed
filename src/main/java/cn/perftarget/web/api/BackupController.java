package cn.perftarget.web.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.perftarget.declaration.ActionForbiddenException;
import cn.perftarget.declaration.StatusConflictException;
import cn.perftarget.identity.Actor;
import cn.perftarget.identity.Role;
import cn.perftarget.storage.OnlineBackup;
import cn.perftarget.web.OpenApiConfiguration;

/** Online backup of the embedded database, for administrators (docs/operations.md). */
@RestController
@Tag(name = OpenApiConfiguration.ADMIN)
@RequestMapping("/api/admin/backup")
class BackupController {

    private final OnlineBackup backups;

    BackupController(OnlineBackup backups) {
        this.backups = backups;
    }

    @Operation(summary = "在线备份数据库",
            description = "系统管理员在应用运行中备份 H2 文件数据库，连同配置的附带文件，写入备份目录下以时间命名的子目录。"
            + "PostgreSQL 请用 pg_dump 备份（见 docs/operations.md）。")
    @ApiResponse(responseCode = "201", description = "已备份：time、directory、database 和所复制的 files")
    @ApiResponse(responseCode = "403", description = "只有系统管理员可以备份")
    @ApiResponse(responseCode = "409", description = "当前数据库不是 H2 文件数据库，无法在线备份")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    OnlineBackup.Backup backup(Actor actor) {
        if (!actor.is(Role.ADMIN)) {
            throw new ActionForbiddenException("备份只能由系统管理员发起，当前用户角色为“" + actor.role().label() + "”");
        }
        return backups.backup().orElseThrow(() -> new StatusConflictException(
                "当前数据库不是 H2 文件数据库：PostgreSQL 请用 pg_dump 备份（见 docs/operations.md）"));
    }
}
