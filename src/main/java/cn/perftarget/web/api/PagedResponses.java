package cn.perftarget.web.api;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import cn.perftarget.declaration.ResultPage;

/**
 * A page of a list as the API answers it: the items as the JSON array body, {@code X-Total-Count}, and an RFC 8288
 * {@code Link} header (first, prev, next, last) whose targets keep every other query parameter of the request.
 */
final class PagedResponses {

    static final String TOTAL_COUNT = "X-Total-Count";
    static final String PAGE_DESCRIPTION = "页码，从 0 开始";
    static final String SIZE_DESCRIPTION = "每页条数，默认 50，最多 500";
    static final String TOTAL_DESCRIPTION = "符合条件的总条数（所有页）";
    static final String LINK_DESCRIPTION = "RFC 8288 分页链接：rel=\"first\"、\"prev\"（非第一页时）、\"next\"（还有下一页时）、"
            + "\"last\"；保留请求的其他查询参数";
    static final String SIZE_MESSAGE = "应在 1 到 500 之间";
    static final String PAGE_MESSAGE = "不能小于 0";

    private PagedResponses() {
    }

    static <T> ResponseEntity<List<T>> of(ResultPage<T> page, HttpServletRequest request) {
        var links = new ArrayList<String>();
        links.add(link(request, 0, page.size(), "first"));
        if (page.hasPrevious()) {
            links.add(link(request, Math.min(page.page() - 1, page.lastPage()), page.size(), "prev"));
        }
        if (page.hasNext()) {
            links.add(link(request, page.page() + 1, page.size(), "next"));
        }
        links.add(link(request, page.lastPage(), page.size(), "last"));
        return ResponseEntity.ok()
                .header(TOTAL_COUNT, Long.toString(page.total()))
                .header(HttpHeaders.LINK, String.join(", ", links))
                .body(page.items());
    }

    // A relative reference (path and query), resolved against the request: right behind any proxy.
    private static String link(HttpServletRequest request, int page, int size, String rel) {
        var uri = ServletUriComponentsBuilder.fromRequest(request)
                .replaceQueryParam("page", page)
                .replaceQueryParam("size", size)
                .build();
        return "<" + uri.getPath() + "?" + uri.getQuery() + ">; rel=\"" + rel + "\"";
    }
}
