package cn.perftarget.web.page;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import cn.perftarget.declaration.DeclarationNotFoundException;
import cn.perftarget.identity.Role;

/**
 * 帮助: the user guide of docs/guide (Markdown, copied into the jar under help/) rendered in the site's layout, so the
 * repository and the running application show one text. Open to everyone, signed in or not.
 */
@Controller
class HelpPages {

    private static final Pattern PAGE = Pattern.compile("[a-z-]{1,40}");
    private static final Pattern IMAGE = Pattern.compile("guide-[a-z0-9-]{1,60}\\.png");
    private static final List<org.commonmark.Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    // The guide is ours, but raw HTML in it is still escaped: the page is rendered with th:utext.
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true)
            .attributeProviderFactory(context -> (node, tag, attributes) -> {
                if ("a".equals(tag) && attributes.containsKey("href")) {
                    attributes.put("href", link(attributes.get("href")));
                }
                if ("img".equals(tag) && attributes.containsKey("src")) {
                    attributes.put("src", attributes.get("src").replaceFirst("^\\.\\./screenshots/", "/help/screenshots/"));
                }
            }).build();

    /** The guide page for each role: where the header's 帮助 link of a signed-in user goes. */
    static final Map<Role, String> PAGE_OF_ROLE = Map.of(Role.FILER, "filer", Role.DEPT_REVIEWER, "dept-reviewer",
            Role.FINANCE_REVIEWER, "finance", Role.EXPERT, "expert", Role.AUDITOR, "auditor", Role.ADMIN, "admin",
            Role.SYSTEM, "index");

    @GetMapping("/help")
    String index(Model model) throws IOException {
        return page("index", model);
    }

    @GetMapping("/help/{page}")
    String page(@PathVariable String page, Model model) throws IOException {
        var resource = new ClassPathResource("help/" + ("index".equals(page) ? "README" : page) + ".md");
        if (!PAGE.matcher(page).matches() || !resource.exists()) {
            throw new DeclarationNotFoundException("帮助页面“" + page + "”不存在");
        }
        String markdown;
        try (InputStream in = resource.getInputStream()) {
            markdown = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Node document = PARSER.parse(markdown);
        model.addAttribute("helpTitle", title(document));
        model.addAttribute("helpHtml", RENDERER.render(document));
        model.addAttribute("activeMenu", "/help");
        return "help";
    }

    @GetMapping("/help/screenshots/{name}")
    ResponseEntity<byte[]> screenshot(@PathVariable String name) throws IOException {
        var resource = new ClassPathResource("help/screenshots/" + name);
        if (!IMAGE.matcher(name).matches() || !resource.exists()) {
            throw new DeclarationNotFoundException("图片“" + name + "”不存在");
        }
        try (InputStream in = resource.getInputStream()) {
            return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG)
                    .cacheControl(CacheControl.maxAge(java.time.Duration.ofHours(1))).body(in.readAllBytes());
        }
    }

    /** Links between guide pages ({@code filer.md}) become their /help addresses; others are left as written. */
    private static String link(String href) {
        if (href.equals("README.md")) {
            return "/help";
        }
        var matcher = Pattern.compile("^([a-z-]{1,40})\\.md(#.*)?$").matcher(href);
        return matcher.matches() ? "/help/" + matcher.group(1) + (matcher.group(2) == null ? "" : matcher.group(2)) : href;
    }

    private static String title(Node document) {
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Heading heading && heading.getLevel() == 1 && heading.getFirstChild() instanceof Text text) {
                return text.getLiteral();
            }
        }
        return "帮助";
    }
}
