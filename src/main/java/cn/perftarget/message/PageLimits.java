package cn.perftarget.message;

import cn.perftarget.declaration.InvalidRequestException;
import cn.perftarget.declaration.ResultPage;

/** The paging limits every list keeps (docs/contracts.md): size 1 to 500, and an offset the database takes as an int. */
final class PageLimits {

    private PageLimits() {
    }

    static void require(int page, int size) {
        if (size < 1 || size > ResultPage.MAX_SIZE) {
            throw InvalidRequestException.of("size", "request.parameter", "参数“size”的值“" + size + "”无效：应在 1 到 "
                    + ResultPage.MAX_SIZE + " 之间");
        }
        if (page < 0 || (long) page * size > Integer.MAX_VALUE) {
            throw InvalidRequestException.of("page", "request.parameter", "参数“page”的值“" + page + "”无效：应在 0 到 "
                    + Integer.MAX_VALUE / size + " 之间");
        }
    }
}
