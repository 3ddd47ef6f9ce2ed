package cn.perftarget.identity;

import java.util.List;

/** A change of the organisation that cannot be made as asked; nothing was changed. */
public class OrganisationProblem extends RuntimeException {

    public enum Kind { INVALID, NOT_FOUND, CONFLICT, FORBIDDEN }

    /**
     * One thing wrong: a field by JSON Pointer ({@code /unit}) and, in a CSV import, the line (1 is the header).
     */
    public record Error(String path, Integer line, String message) {
    }

    private final Kind kind;
    private final transient List<Error> errors;
    private final String existing;

    OrganisationProblem(Kind kind, String message, List<Error> errors) {
        this(kind, message, errors, null);
    }

    private OrganisationProblem(Kind kind, String message, List<Error> errors, String existing) {
        super(message);
        this.kind = kind;
        this.errors = List.copyOf(errors);
        this.existing = existing;
    }

    /** A create whose key is taken: names the field and the existing resource ({@code href}); nothing was changed. */
    static OrganisationProblem exists(String path, String message, String href) {
        return new OrganisationProblem(Kind.CONFLICT, message, List.of(new Error(path, null, message)), href);
    }

    static OrganisationProblem invalid(String path, String message) {
        return new OrganisationProblem(Kind.INVALID, message, List.of(new Error(path, null, message)));
    }

    static OrganisationProblem notFound(String message) {
        return new OrganisationProblem(Kind.NOT_FOUND, message, List.of());
    }

    static OrganisationProblem forbidden(String message) {
        return new OrganisationProblem(Kind.FORBIDDEN, message, List.of());
    }

    public Kind kind() {
        return kind;
    }

    public List<Error> errors() {
        return errors;
    }

    /** The path of the resource that already holds the key of a create, or null. */
    public String existing() {
        return existing;
    }
}
