package cn.perftarget.definition;

/** Thrown at start-up so that a broken template stops the application instead of failing a filer later. */
final class InvalidFormDefinitionException extends IllegalStateException {

    InvalidFormDefinitionException(String message, Throwable cause) {
        super(message, cause);
    }
}
