package cn.perftarget.files;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import cn.perftarget.declaration.ActionForbiddenException;
import cn.perftarget.declaration.DeclarationNotFoundException;
import cn.perftarget.declaration.InvalidRequestException;
import cn.perftarget.definition.FormDefinitions;
import cn.perftarget.files.batch.FileImporter;
import cn.perftarget.files.batch.ImportJob;
import cn.perftarget.files.xlsx.Layouts;
import cn.perftarget.identity.Actor;
import cn.perftarget.identity.Role;

/**
 * Batch import for 财政 and 主管部门: many official-layout xlsx files in one upload, each created or updated in the
 * department its sheet names (within what the uploader reviews), one after another in the background; the
 * uploader polls the job. Jobs live in this node's memory until restart.
 */
@Service
public class BatchImports {

    private static final Logger log = LoggerFactory.getLogger(BatchImports.class);

    /** One uploaded file. */
    public record Upload(String fileName, byte[] bytes) {
    }

    private final Map<String, ImportJob> jobs = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "batch-import"));
    private final FormDefinitions forms;
    private final Layouts layouts;
    private final FileImporter importer;
    private final FilesProperties properties;
    private final Clock clock;

    BatchImports(FormDefinitions forms, Layouts layouts, FileImporter importer, FilesProperties properties, Clock clock) {
        this.forms = forms;
        this.layouts = layouts;
        this.importer = importer;
        this.properties = properties;
        this.clock = clock;
    }

    /** Accepts the upload and starts importing it; the job's files stay PENDING until their turn. */
    public ImportJobView start(Actor actor, String formKey, List<Upload> uploads) {
        if (!actor.is(Role.FINANCE_REVIEWER) && !actor.is(Role.DEPT_REVIEWER)) {
            throw new ActionForbiddenException("只有主管部门审核人或财政审核人可以批量导入，当前用户角色为“" + actor.role().label() + "”");
        }
        if (uploads.isEmpty()) {
            throw InvalidRequestException.of("files", "request.files", "请至少上传一个 xlsx 文件（表单字段 files）");
        }
        if (uploads.size() > properties.batch().maxFiles()) {
            throw InvalidRequestException.of("files", "request.files", "一次最多导入 " + properties.batch().maxFiles()
                    + " 个文件，本次上传了 " + uploads.size() + " 个");
        }
        var definition = forms.latest(formKey).orElseThrow(() -> InvalidRequestException.of(
                "formKey", "request.unknown-form", "表单“" + formKey + "”不存在"));
        if (cn.perftarget.definition.FollowUpTemplate.of(definition).isPresent()) {
            // A follow-up exists only beside its approved declaration: its filer starts it there (basedOn).
            throw InvalidRequestException.of("formKey", "request.follow-up-import", "“" + definition.title()
                    + "”是批复后的跟踪表，须由填报人在已批复的申报表页面上发起，不能批量导入");
        }
        var layout = layouts.of(definition).orElseThrow(() -> InvalidRequestException.of(
                "formKey", "request.no-layout", "表单“" + formKey + "”没有官方版式，不能从 Excel 导入"));
        var job = new ImportJob(UUID.randomUUID().toString(), actor.username(), formKey, clock.instant(),
                uploads.stream().map(Upload::fileName).toList());
        jobs.put(job.id(), job);
        worker.submit(() -> {
            for (int i = 0; i < uploads.size(); i++) {
                var upload = uploads.get(i);
                try {
                    job.done(importer.run(actor, definition, layout, i, upload.fileName(), upload.bytes()));
                } catch (RuntimeException e) {
                    log.error("Batch import {} file {} failed", job.id(), upload.fileName(), e);
                    job.done(new ImportJobView.FileResult(i, upload.fileName(), "FAILED", null, null, null, null,
                            "导入时出错，未保存", List.of()));
                }
            }
            job.finished(clock.instant());
        });
        return job.view();
    }

    /** The job's progress, for its uploader only (anyone else: 404). */
    public ImportJobView job(Actor actor, String id) {
        var job = jobs.get(id);
        if (job == null || !job.uploadedBy().equals(actor.username())) {
            throw new DeclarationNotFoundException("导入任务“" + id + "”不存在");
        }
        return job.view();
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
