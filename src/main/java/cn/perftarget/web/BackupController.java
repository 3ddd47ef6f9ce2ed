package cn.perftarget.web;

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

/** Online backup of the embedded database, for administrators (docs/operations.md). */
@RestController
@RequestMapping("/api/admin/backup")
class BackupController {

    private final OnlineBackup backups;

    BackupController(OnlineBackup backups) {
        this.backups = backups;
    }

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
