package cn.perftarget.definition;

/** A flaw in one definition file, located by a JSON Pointer into that file; the loader adds the file name. */
public final class DefinitionProblem extends RuntimeException {

    private final String place;

    public DefinitionProblem(String place, String message) {
        super(message);
        this.place = place;
    }

    public String place() {
        return place.isEmpty() ? "/" : place;
    }
}
