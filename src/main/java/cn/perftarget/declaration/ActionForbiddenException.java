package cn.perftarget.declaration;

/** The caller may see the declaration but not do this to it (403). */
public class ActionForbiddenException extends RuntimeException {

    public ActionForbiddenException(String message) {
        super(message);
    }
}
