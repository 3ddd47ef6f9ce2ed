package cn.perftarget.files;

/**
 * One cell of an uploaded sheet that cannot be taken into the document.
 *
 * @param path    JSON Pointer of the document value the cell holds
 * @param cell    sheet and cell, e.g. {@code 绩效目标表!D17}
 * @param message Chinese, names the cell and what is wrong
 */
public record CellError(String path, String cell, String message) {
}
