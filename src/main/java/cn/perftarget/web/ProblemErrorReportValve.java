package cn.perftarget.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Tomcat's own error page (a bad {@code %00} or {@code %2F}, broken UTF-8 in the path, a malformed header or
 * request line), written as problem+json in Chinese instead of Tomcat's HTML. Errors that reach Spring never get
 * here: they already have a body.
 */
final class ProblemErrorReportValve extends ErrorReportValve {

    private final ProblemWriter problems;

    ProblemErrorReportValve(ProblemWriter problems) {
        this.problems = problems;
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        var problem = FrameworkProblems.generic(known == null ? HttpStatus.BAD_REQUEST : known);
        if (status == HttpStatus.BAD_REQUEST.value()) {
            problem.setDetail("请求格式无效（请求行、地址编码或请求头不合规范），服务器无法处理");
        }
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setHeader(ProblemWriter.NOSNIFF_HEADER, "nosniff");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(new String(problems.bytes(problem), StandardCharsets.UTF_8));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client is gone or the response is already closed: nothing more to send.
        }
    }
}
