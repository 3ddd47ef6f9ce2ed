package cn.perftarget.files;

import java.util.List;

/** An uploaded sheet that cannot become a document; nothing was saved. */
public class SheetProblemException extends RuntimeException {

    private final transient List<CellError> errors;

    public SheetProblemException(List<CellError> errors) {
        super(errors.size() == 1 ? errors.get(0).message()
                : "表格有 " + errors.size() + " 处无法读取，第一处：" + errors.get(0).message());
        this.errors = List.copyOf(errors);
    }

    public List<CellError> errors() {
        return errors;
    }
}
