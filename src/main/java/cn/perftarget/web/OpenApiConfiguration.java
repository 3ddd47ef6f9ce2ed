package cn.perftarget.web;

import java.util.List;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;

import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.perftarget.identity.Actor;

/**
 * The OpenAPI description at /v3/api-docs (Swagger UI at /swagger-ui.html): title, version from the build, tags by
 * capability and the two ways to sign in. Error responses and the document schemas are added by
 * {@link ProblemResponses} and {@link DocumentSchemas}.
 */
@Configuration
public class OpenApiConfiguration {

    public static final String FILING = "申报";
    public static final String REVIEW = "审核";
    public static final String AUDIT = "审计";
    public static final String FORMS = "表单";
    public static final String ADMIN = "管理";
    public static final String MESSAGES = "消息";
    static final String BASIC = "basicAuth";
    static final String SESSION = "session";

    static {
        // The authenticated user comes from the security context (ActorArgumentResolver), never from the request.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Actor.class);
    }

    @Bean
    OpenAPI perfTargetOpenApi(ObjectProvider<BuildProperties> build) {
        String version = build.stream().map(BuildProperties::getVersion).findFirst().orElse("dev");
        return new OpenAPI()
                .info(new Info().title("PerfTarget 绩效目标申报流程引擎 API").version(version).description("""
                        绩效目标申报表的填报、校验、审核、批复与审计。填报人创建并填写申报表，提交时自动校验；\
                        主管部门、财政（必要时专家）依次审核，可通过、退回或驳回；审计人员查询全部操作记录并校验哈希链。

                        所有请求和响应均为 UTF-8 JSON；错误一律为 RFC 9457 `application/problem+json`，`detail` 为中文说明，\
                        输入错误另有 `errors` 列表（每项含 JSON Pointer `path`、规则编号 `rule` 和中文 `message`）。\
                        写操作用 `ETag` / `If-Match` 防止覆盖他人修改。申报表文档的结构见 `GET /api/forms/{key}/schema`\
                        （JSON Schema 2020-12）。"""))
                .components(new Components()
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("HTTP Basic：用户名和密码（演示用户的密码为 demo）"))
                        .addSecuritySchemes(SESSION, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.COOKIE).name("JSESSIONID")
                                .description("网页登录（/login）后浏览器携带的会话 Cookie")))
                // Relative: the server that serves this description (springdoc would write the host it was asked on).
                .servers(List.of(new io.swagger.v3.oas.models.servers.Server().url("/").description("提供本说明的服务器")))
                .addSecurityItem(new SecurityRequirement().addList(BASIC))
                .addSecurityItem(new SecurityRequirement().addList(SESSION))
                .tags(List.of(
                        new Tag().name(FILING).description("填报人创建、填写、校验、提交、撤回申报表；JSON、xlsx、PDF 三种形式的文档；"
                                + "批量导入 xlsx；查看修订与历史"),
                        new Tag().name(REVIEW).description("审核人的待办任务、审核决定与审核意见"),
                        new Tag().name(AUDIT).description("审计人员查询、导出操作记录并校验哈希链"),
                        new Tag().name(FORMS).description("申报表模板及其文档的 JSON Schema；指标库"),
                        new Tag().name(ADMIN).description("系统管理员：单位与用户（含 CSV 导入）、在线备份、邮件发件箱"),
                        new Tag().name(MESSAGES).description("站内消息（待审核、退回、批复、截止提醒、抄送、催办等）、抄送与催办、消息设置")));
    }
}
