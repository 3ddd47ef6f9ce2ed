package cn.perftarget.web.page;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import cn.perftarget.declaration.ResultPage;

/**
 * The pager under a list page (上一页/下一页, 共 N 条): links to the neighbouring pages that keep the list's filters.
 * {@code number} counts from 1 for people; the query parameter {@code page} counts from 0 like the API's.
 */
record Pager(long total, int number, int pages, String previous, String next) {

    /** The rows a list page shows at once. */
    static final int SIZE = 50;

    static Pager of(ResultPage<?> page) {
        return new Pager(page.total(), page.page() + 1, page.lastPage() + 1,
                page.hasPrevious() ? href(Math.min(page.page() - 1, page.lastPage())) : null,
                page.hasNext() ? href(page.page() + 1) : null);
    }

    /** A page number from the address bar: anything that is not a page shows the first. */
    static int pageOf(String requested) {
        try {
            return requested == null ? 0 : Math.max(0, Math.min(Integer.parseInt(requested.trim()), Integer.MAX_VALUE / SIZE));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String href(int page) {
        var uri = ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("page", page).build();
        return uri.getPath() + "?" + uri.getQuery();
    }
}
