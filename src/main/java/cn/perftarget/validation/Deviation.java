package cn.perftarget.validation;

import java.math.BigDecimal;

/**
 * An achieved value (全年预计完成值, 实际完成值) off its target by more than its template allows.
 *
 * @param pointer   the place (an indicator) in the document
 * @param deviation how far off, as a fraction of the target (0.25 = 25 %)
 * @param explained whether its 偏差原因 is filled
 */
public record Deviation(String pointer, BigDecimal deviation, boolean explained) {
}
