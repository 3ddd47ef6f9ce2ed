package cn.perftarget.declaration;

/** The action is not possible in the declaration's current status (409). */
public class StatusConflictException extends RuntimeException {

    public StatusConflictException(String message) {
        super(message);
    }
}
