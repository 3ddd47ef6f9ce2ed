package cn.perftarget.declaration;

/** A write came without a usable If-Match (428): blind overwrites of a shared document are refused. */
public class PreconditionRequiredException extends RuntimeException {

    public PreconditionRequiredException() {
        this("保存申报表必须带 If-Match 请求头（取自 GET 返回的 ETag），以免覆盖他人的修改");
    }

    PreconditionRequiredException(String message) {
        super(message);
    }
}
