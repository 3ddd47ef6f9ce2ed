package cn.perftarget.web;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import cn.perftarget.attachment.AttachmentsProperties;
import cn.perftarget.attachment.Sizes;
import cn.perftarget.files.FilesProperties;

/**
 * Refuses API request bodies over the limit with 413: at once when Content-Length says so, otherwise as soon as
 * a chunked body crosses it while being read. The batch import ({@value #IMPORTS}) has a limit of its own
 * (perftarget.files.batch), which the multipart parser also enforces on a chunked upload, and so does an attachment
 * upload (one file of perftarget.attachments.max-file-size and its framing; the file itself is measured, and named in
 * the refusal, once it is read).
 */
@Component
// Just inside AccessLogFilter, so a refused body is still logged.
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestSizeLimitFilter extends OncePerRequestFilter {

    static final String IMPORTS = "/api/imports";
    private static final Pattern ATTACHMENT_UPLOAD = Pattern.compile("/api/declarations/[0-9]+/attachments");

    private final long apiLimit;
    private final long importLimit;
    private final AttachmentsProperties attachments;
    private final ProblemWriter problems;

    RequestSizeLimitFilter(ApiProperties properties, FilesProperties files, AttachmentsProperties attachments,
                           ProblemWriter problems) {
        this.apiLimit = properties.maxRequestBytes();
        this.importLimit = files.batch().maxRequestBytes();
        this.attachments = attachments;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean attachment = ATTACHMENT_UPLOAD.matcher(request.getRequestURI()).matches();
        long limit = request.getRequestURI().equals(IMPORTS) ? importLimit
                : attachment ? attachments.maxRequestBytes() : apiLimit;
        if (request.getContentLengthLong() > limit) {
            problems.write(response, HttpStatus.PAYLOAD_TOO_LARGE, "请求体过大", attachment
                    ? "上传的文件超过单个附件上限 " + Sizes.of(attachments.maxFileSize().toBytes()) + "（请求体 "
                    + request.getContentLengthLong() + " 字节），未保存" : tooLarge(limit), "payload-too-large",
                    request.getRequestURI());
            return;
        }
        chain.doFilter(new Limited(request, limit), response);
    }

    private static String tooLarge(long limit) {
        return "请求体超过上限 " + limit + " 字节（" + (limit / 1024) + " KiB）";
    }

    /** Raised while reading a body that turns out larger than the limit. */
    static final class PayloadTooLargeException extends IOException {
        PayloadTooLargeException(String message) {
            super(message);
        }
    }

    private final class Limited extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountingStream(super.getInputStream(), limit);
            }
            return stream;
        }
    }

    private static final class CountingStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private long count;

        CountingStream(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        private void add(int n) throws PayloadTooLargeException {
            count += n;
            if (count > limit) {
                throw new PayloadTooLargeException(tooLarge(limit));
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
