package cn.perftarget.web;

import java.io.IOException;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Spring Boot's {@code /error} fallback (errors raised outside our controllers, e.g. in a filter) as a Chinese
 * problem+json, whatever the request's Accept header says; replaces Boot's BasicErrorController.
 */
@Controller
class ErrorProblemController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ErrorProblemController.class);

    private final ProblemWriter problems;

    ErrorProblemController(ProblemWriter problems) {
        this.problems = problems;
    }

    @RequestMapping("${server.error.path:${error.path:/error}}")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value) : HttpStatus.NOT_FOUND;
        Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (status.is5xxServerError() && failure instanceof Throwable t) {
            log.error("Unexpected error outside the controllers", t);
        }
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        problems.write(response, FrameworkProblems.generic(status));
    }
}
