package cn.perftarget.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.perftarget.files.BatchImports;
import cn.perftarget.files.ImportJobView;
import cn.perftarget.identity.Actor;

/** Batch import of official-layout xlsx files (multipart field {@code files}); the job is polled by its id. */
@RestController
@RequestMapping("/api/imports")
class ImportController {

    private final BatchImports imports;

    ImportController(BatchImports imports) {
        this.imports = imports;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ImportJobView> start(Actor actor, @RequestParam(defaultValue = "dept-overall") String formKey,
                                        @RequestPart(name = "files", required = false) List<MultipartFile> files) {
        var uploads = (files == null ? List.<MultipartFile>of() : files).stream()
                .map(f -> new BatchImports.Upload(f.getOriginalFilename(), bytes(f))).toList();
        var job = imports.start(actor, formKey, uploads);
        return ResponseEntity.accepted().location(URI.create("/api/imports/" + job.id())).body(job);
    }

    @GetMapping("/{id}")
    ImportJobView get(Actor actor, @PathVariable String id) {
        return imports.job(actor, id);
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
