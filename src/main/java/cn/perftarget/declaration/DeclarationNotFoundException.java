package cn.perftarget.declaration;

/** No such declaration, or one the caller may not see: both read as 404 so that existence does not leak. */
public class DeclarationNotFoundException extends RuntimeException {

    public DeclarationNotFoundException(long id) {
        super("申报表 " + id + " 不存在");
    }

    public DeclarationNotFoundException(String message) {
        super(message);
    }
}
