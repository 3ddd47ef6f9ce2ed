package cn.perftarget.web.page;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import cn.perftarget.files.DeclarationFiles;
import cn.perftarget.identity.Actor;

/** The print view of a declaration in the official layout (A4, print CSS); the PDF is the same page. */
@Controller
class PrintPage {

    private final DeclarationFiles files;

    PrintPage(DeclarationFiles files) {
        this.files = files;
    }

    @GetMapping("/declarations/{id}/print")
    String print(Actor actor, @PathVariable long id, Model model) {
        model.addAttribute("print", files.print(actor, id));
        model.addAttribute("pdf", false);
        return DeclarationFiles.PRINT_TEMPLATE;
    }
}
