package cn.perftarget.files;

import java.time.Instant;
import java.util.List;

/**
 * A batch import as the uploader polls it.
 *
 * @param status {@code RUNNING} or {@code DONE}
 * @param files  one result per uploaded file, in upload order
 */
public record ImportJobView(String id, String status, String uploadedBy, String formKey, Instant startedAt,
                            Instant finishedAt, int total, int processed, int saved, int failed, List<FileResult> files) {

    /**
     * @param status     {@code PENDING}, {@code CREATED}, {@code UPDATED} or {@code FAILED}
     * @param department the unit's Chinese name (as the sheet names it), never its code: the clerk reads it
     * @param errors for a failed file, the cells (or document paths) at fault
     */
    public record FileResult(int index, String fileName, String status, Long declarationId, String department,
                             Integer year, Integer revision, String message, List<CellError> errors) {
    }
}
