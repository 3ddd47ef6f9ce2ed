package cn.perftarget.web.api;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.perftarget.declaration.ActionForbiddenException;
import cn.perftarget.identity.Actor;
import cn.perftarget.identity.Role;
import cn.perftarget.identity.Unit;
import cn.perftarget.identity.UnitAdministration;
import cn.perftarget.identity.UnitCommand;
import cn.perftarget.identity.UnitKind;
import cn.perftarget.identity.UserAdministration;
import cn.perftarget.identity.UserCommand;
import cn.perftarget.identity.UserView;
import cn.perftarget.web.OpenApiConfiguration;

/** The organisation's administration (ADMIN only): budget units and users, one by one or as a CSV file. */
@RestController
@Tag(name = OpenApiConfiguration.ADMIN)
@RequestMapping("/api/admin")
class OrganisationController {

    static final String CSV = "text/csv";

    private final UnitAdministration units;
    private final UserAdministration users;

    OrganisationController(UnitAdministration units, UserAdministration users) {
        this.units = units;
        this.users = users;
    }

    record NewUnit(@NotBlank @Size(max = 50) String code, @NotBlank @Size(max = 200) String name,
                   @NotNull UnitKind kind, String parent, List<String> oversees) {
    }

    record UnitChange(@Size(max = 200) String name, String parent, Boolean active, List<String> oversees) {
    }

    /** A password's characters are at most its bytes: 72 characters bounds it; the rules count the UTF-8 bytes. */
    record NewUser(@NotBlank @Size(max = 100) String username, @NotBlank @Size(max = 200) String name, String unit,
                   @NotEmpty List<@NotNull Role> roles, Boolean enabled,
                   @NotBlank @Size(max = UserCommand.MAX_PASSWORD_BYTES) String password) {
    }

    record UserChange(@NotBlank @Size(max = 200) String name, String unit, @NotEmpty List<@NotNull Role> roles,
                      @NotNull Boolean enabled, @Size(max = UserCommand.MAX_PASSWORD_BYTES) String password) {
    }

    record Imported<T>(int count, List<T> items) {
    }

    @Operation(summary = "单位列表", description = "全部预算单位（含已停用的）：代码、名称、类别、上级单位、是否启用、归口的主管部门。")
    @ApiResponse(responseCode = "200", description = "单位，按代码排序")
    @ApiResponse(responseCode = "403", description = "只有系统管理员可以管理单位")
    @GetMapping("/units")
    List<Unit> units(Actor actor) {
        admin(actor);
        return units.list();
    }

    @Operation(summary = "新增单位", description = "主管部门、二级单位（须有上级单位）、财政业务科室（oversees：归口的主管部门）或绩效科。"
            + "代码已存在时为 409（existing.href 指向该单位），不做任何修改；修改已有单位用 PUT。")
    @ApiResponse(responseCode = "201", description = "已新增")
    @ApiResponse(responseCode = "409", description = "单位代码已存在（existing.href 指向该单位），未做修改")
    @ApiResponse(responseCode = "400", description = "内容无效（errors 指出字段），未做修改")
    @ApiResponse(responseCode = "403", description = "只有系统管理员可以管理单位")
    @PostMapping(value = "/units", consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    Unit createUnit(Actor actor, @Valid @RequestBody NewUnit unit) {
        return units.create(admin(actor), new UnitCommand(unit.code(), unit.name(), unit.kind(), blank(unit.parent()),
                true, unit.oversees()));
    }

    @Operation(summary = "导入单位（CSV）", description = "表头 code,name,kind,parent,oversees（oversees 以 | 分隔）；UTF-8，可带 BOM。"
            + "新代码新增，已有代码修改；任何一行有误则全部不导入，errors 指出每个错误行（line）。")
    @ApiResponse(responseCode = "201", description = "已导入：count 与各单位")
    @ApiResponse(responseCode = "400", description = "有错误行，未做任何修改")
    @ApiResponse(responseCode = "403", description = "只有系统管理员可以管理单位")
    @PostMapping(value = "/units", consumes = CSV)
    @ResponseStatus(HttpStatus.CREATED)
    Imported<Unit> importUnits(Actor actor, @RequestBody byte[] csv) {
        var imported = units.importCsv(admin(actor), text(csv));
        return new Imported<>(imported.size(), imported);
    }

    @Operation(summary = "修改单位", description = "改名、移到另一上级单位（parent）、停用或启用（active）、设置归口（oversees）；"
            + "未给出的字段不变。单位不能删除：已有申报表的单位只能停用，停用后不能再新建申报表。")
    @ApiResponse(responseCode = "200", description = "修改后的单位")
    @ApiResponse(responseCode = "400", description = "内容无效，未做修改")
    @ApiResponse(responseCode = "403", description = "只有系统管理员可以管理单位")
    @ApiResponse(responseCode = "404", description = "单位不存在")
    @PutMapping(value = "/units/{code}", consumes = "application/json")
    Unit changeUnit(Actor actor, @PathVariable String code, @Valid @RequestBody UnitChange change) {
        return units.change(admin(actor), code, new UnitCommand(code, change.name(), null, blank(change.parent()),
                change.active(), change.oversees()));
    }

    @Operation(summary = "用户列表", description = "全部用户：用户名、姓名、单位、角色、是否启用、锁定至何时（不含密码）。")
    @ApiResponse(responseCode = "200", description = "用户，按用户名排序")
    @ApiResponse(responseCode = "403", description = "只有系统管理员可以管理用户")
    @GetMapping("/users")
    List<UserView> users(Actor actor) {
        admin(actor);
        return users.list();
    }

    @Operation(summary = "新增用户", description = "password 为至少 8 个字符、至多 72 字节（UTF-8，汉字各 3 字节）的密码，"
            + "或 {bcrypt} 哈希。用户名已存在时为 409（existing.href 指向该用户），不做任何修改；修改已有用户用 PUT。")
    @ApiResponse(responseCode = "201", description = "已新增")
    @ApiResponse(responseCode = "409", description = "用户名已存在（existing.href 指向该用户），未做修改")
    @ApiResponse(responseCode = "400", description = "内容无效（errors 指出字段），未做修改")
    @ApiResponse(responseCode = "403", description = "只有系统管理员可以管理用户")
    @PostMapping(value = "/users", consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    UserView createUser(Actor actor, @Valid @RequestBody NewUser user) {
        return users.create(admin(actor), new UserCommand(user.username(), user.name(), blank(user.unit()),
                user.roles(), user.enabled() == null || user.enabled(), user.password()));
    }

    @Operation(summary = "导入用户（CSV）", description = "表头 username,name,unit,roles,password[,enabled]（roles 以 | 分隔；password 为密码或 "
            + "{bcrypt} 哈希，已有用户可留空以保留原密码；enabled 为 true 或 false，留空则新用户启用、已有用户保持原状，"
            + "停用的用户只有该行写明 true 才重新启用）；UTF-8，可带 BOM。新用户名新增，已有的修改；"
            + "任何一行有误则全部不导入，errors 指出每个错误行（line）。")
    @ApiResponse(responseCode = "201", description = "已导入：count 与各用户")
    @ApiResponse(responseCode = "400", description = "有错误行，未做任何修改")
    @ApiResponse(responseCode = "403", description = "只有系统管理员可以管理用户")
    @PostMapping(value = "/users", consumes = CSV)
    @ResponseStatus(HttpStatus.CREATED)
    Imported<UserView> importUsers(Actor actor, @RequestBody byte[] csv) {
        var imported = users.importCsv(admin(actor), text(csv));
        return new Imported<>(imported.size(), imported);
    }

    @Operation(summary = "修改用户", description = "姓名、单位、角色、启用；给出 password 即重置密码并解除锁定。停用的用户立即不能再访问，"
            + "已登录的会话也立即失效。")
    @ApiResponse(responseCode = "200", description = "修改后的用户")
    @ApiResponse(responseCode = "400", description = "内容无效，未做修改")
    @ApiResponse(responseCode = "403", description = "只有系统管理员可以管理用户")
    @ApiResponse(responseCode = "404", description = "用户不存在")
    @PutMapping(value = "/users/{username}", consumes = "application/json")
    UserView changeUser(Actor actor, @PathVariable String username, @Valid @RequestBody UserChange change) {
        return users.change(admin(actor), username, new UserCommand(username, change.name(), blank(change.unit()),
                change.roles(), change.enabled(), blank(change.password())));
    }

    private static Actor admin(Actor actor) {
        if (!actor.is(Role.ADMIN)) {
            throw new ActionForbiddenException("单位和用户只能由系统管理员管理，当前用户角色为“" + actor.role().label() + "”");
        }
        return actor;
    }

    /** The CSV as Excel saves it: UTF-8 (whatever the Content-Type says, Excel knows no other Unicode CSV). */
    private static String text(byte[] csv) {
        return new String(csv, StandardCharsets.UTF_8);
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
