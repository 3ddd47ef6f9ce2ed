package cn.perftarget.files.batch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import cn.perftarget.files.ImportJobView;
import cn.perftarget.files.ImportJobView.FileResult;

/** One upload's progress; written by the worker, read by whoever polls. */
public final class ImportJob {

    private final String id;
    private final String uploadedBy;
    private final String formKey;
    private final Instant startedAt;
    private final List<FileResult> results = new ArrayList<>();
    private Instant finishedAt;

    public ImportJob(String id, String uploadedBy, String formKey, Instant startedAt, List<String> fileNames) {
        this.id = id;
        this.uploadedBy = uploadedBy;
        this.formKey = formKey;
        this.startedAt = startedAt;
        for (int i = 0; i < fileNames.size(); i++) {
            results.add(new FileResult(i, fileNames.get(i), "PENDING", null, null, null, null, null, List.of()));
        }
    }

    public String id() {
        return id;
    }

    public String uploadedBy() {
        return uploadedBy;
    }

    public synchronized void done(FileResult result) {
        results.set(result.index(), result);
    }

    public synchronized void finished(Instant at) {
        finishedAt = at;
    }

    public synchronized ImportJobView view() {
        int processed = (int) results.stream().filter(r -> !r.status().equals("PENDING")).count();
        int failed = (int) results.stream().filter(r -> r.status().equals("FAILED")).count();
        return new ImportJobView(id, finishedAt == null ? "RUNNING" : "DONE", uploadedBy, formKey, startedAt,
                finishedAt, results.size(), processed, processed - failed, failed, List.copyOf(results));
    }
}
