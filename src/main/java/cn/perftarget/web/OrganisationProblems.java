package cn.perftarget.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import cn.perftarget.identity.OrganisationProblem;

/** The problem document of a refused organisation change: each error with its field and, in a CSV, its line. */
final class OrganisationProblems {

    private OrganisationProblems() {
    }

    static ProblemDetail of(OrganisationProblem e) {
        var problem = switch (e.kind()) {
            case INVALID -> ProblemWriter.problem(HttpStatus.BAD_REQUEST, "请求内容无效", e.getMessage(), "invalid-request");
            case NOT_FOUND -> ProblemWriter.problem(HttpStatus.NOT_FOUND, "未找到", e.getMessage(), "not-found");
            case CONFLICT -> ProblemWriter.problem(HttpStatus.CONFLICT, e.existing() == null ? "数据冲突" : "已存在",
                    e.getMessage(), e.existing() == null ? "data-conflict" : "already-exists");
            case FORBIDDEN -> ProblemWriter.problem(HttpStatus.FORBIDDEN, "无权操作", e.getMessage(), "forbidden");
        };
        if (!e.errors().isEmpty()) {
            problem.setProperty("errors", e.errors().stream().map(error -> {
                var out = new LinkedHashMap<String, Object>();
                out.put("path", error.path() == null ? "" : error.path());
                if (error.line() != null) {
                    out.put("line", error.line());
                }
                out.put("message", error.message());
                return out;
            }).toList());
        }
        if (e.existing() != null) {
            // Where the client finds what holds the key: GET it, or PUT there to change it.
            problem.setProperty("existing", Map.of("href", e.existing()));
        }
        return problem;
    }
}
