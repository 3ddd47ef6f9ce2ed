package cn.perftarget.web;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/** Builds RFC 9457 problems, and writes them where no controller advice reaches (filters, security). */
@Component
class ProblemWriter {

    static final String TYPE_PREFIX = "urn:perftarget:problem:";

    private final ObjectMapper json;

    ProblemWriter(ObjectMapper json) {
        this.json = json;
    }

    static ProblemDetail problem(HttpStatus status, String title, String detail, String type) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create(TYPE_PREFIX + type));
        return problem;
    }

    void write(HttpServletResponse response, HttpStatus status, String title, String detail, String type,
               String instance) throws IOException {
        var problem = problem(status, title, detail, type);
        problem.setInstance(URI.create(instance));
        response.setStatus(status.value());
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"PerfTarget\", charset=\"UTF-8\"");
        }
        json.writeValue(response.getOutputStream(), problem);
    }
}
