package cn.perftarget.process;

/** What is wrong with a process model, and where: the element id and a Chinese message for the administrator. */
public class ModelProblem extends RuntimeException {

    private final String elementId;

    public ModelProblem(String elementId, String message) {
        super(elementId + "：" + message);
        this.elementId = elementId;
    }

    public String elementId() {
        return elementId;
    }
}
