package cn.perftarget.declaration;

/** Where a declaration's approval instance waits after a call: fill-in, a review step, or the end. */
public sealed interface ProcessPosition {

    /** Waiting for the filer (填报): after a return or a withdrawal. */
    record AtFillIn() implements ProcessPosition {
    }

    /** Waiting in a review step of the model. */
    record AtStep(ReviewStepDefinition step) implements ProcessPosition {
    }

    /** The instance ended; {@code rejected} when the last decision was a rejection. */
    record Ended(boolean rejected) implements ProcessPosition {
    }
}
