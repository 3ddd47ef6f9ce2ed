package cn.perftarget.web;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/** Builds RFC 9457 problems, and writes them where no controller advice reaches (filters, security, Tomcat). */
@Component
public class ProblemWriter {

    static final String TYPE_PREFIX = "urn:perftarget:problem:";
    static final String NOSNIFF_HEADER = "X-Content-Type-Options";

    private final ObjectMapper json;

    ProblemWriter(ObjectMapper json) {
        this.json = json;
    }

    public static ProblemDetail problem(HttpStatus status, String title, String detail, String type) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create(TYPE_PREFIX + type));
        return problem;
    }

    void write(HttpServletResponse response, HttpStatus status, String title, String detail, String type,
               String instance) throws IOException {
        var problem = problem(status, title, detail, type);
        if (instance != null) {
            try {
                problem.setInstance(URI.create(instance));
            } catch (IllegalArgumentException notAUri) {
                // A hostile path is no URI reference; the problem is still worth sending without it.
            }
        }
        write(response, problem);
    }

    void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setHeader(NOSNIFF_HEADER, "nosniff");
        if (problem.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"PerfTarget\", charset=\"UTF-8\"");
        }
        response.getOutputStream().write(bytes(problem));
    }

    byte[] bytes(ProblemDetail problem) {
        try {
            return json.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A problem detail must always serialise", e);
        }
    }
}
