package cn.perftarget.library;

/**
 * A common indicator of the 指标库.
 *
 * @param value the typical value pattern, e.g. {@code ≥N%} ({@code N} stands for the filer's figure)
 * @param core  a 核心指标: one the finance bureau expects in every declaration of this framework
 */
public record LibraryIndicator(String framework, String level1, String level2, String name, String value, String unit,
                               boolean core, String note) {
}
