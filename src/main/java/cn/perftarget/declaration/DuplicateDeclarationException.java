package cn.perftarget.declaration;

/** The template's uniqueness key is taken by another declaration (409); names that one. */
public class DuplicateDeclarationException extends RuntimeException {

    private final long existingId;
    private final DeclarationStatus existingStatus;

    DuplicateDeclarationException(String message, long existingId, DeclarationStatus existingStatus) {
        super(message);
        this.existingId = existingId;
        this.existingStatus = existingStatus;
    }

    public long existingId() {
        return existingId;
    }

    public DeclarationStatus existingStatus() {
        return existingStatus;
    }
}
