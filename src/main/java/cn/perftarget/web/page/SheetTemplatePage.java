package cn.perftarget.web.page;

import java.nio.charset.StandardCharsets;

import io.swagger.v3.oas.annotations.Hidden;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.perftarget.files.FileContent;
import cn.perftarget.files.SheetTemplates;

/** 导出样表 on 批量导入: the blank official-layout xlsx of a template for a budget year, to fill in and import. */
@Controller
class SheetTemplatePage {

    private static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final SheetTemplates templates;

    SheetTemplatePage(SheetTemplates templates) {
        this.templates = templates;
    }

    @Hidden  // a page's download, not part of the API's description
    @GetMapping("/imports/template")
    ResponseEntity<byte[]> template(@RequestParam String formKey, @RequestParam int year) {
        FileContent file = templates.blank(formKey, year);
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
                .body(file.bytes());
    }
}
