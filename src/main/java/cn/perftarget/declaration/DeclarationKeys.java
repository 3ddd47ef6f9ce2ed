package cn.perftarget.declaration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import cn.perftarget.definition.FormDefinition;
import cn.perftarget.identity.Directory;

/**
 * A declaration's uniqueness key: the SHA-256 of its template key and the values its definition names as
 * unique (e.g. department and year). The database holds it under a unique index, so two concurrent creates
 * cannot both take it; this class finds who holds a key, to name it in the 409.
 */
@Component
class DeclarationKeys {

    private static final ObjectMapper CANONICAL = new ObjectMapper();

    private final Declarations declarations;
    private final Directory directory;

    DeclarationKeys(Declarations declarations, Directory directory) {
        this.declarations = declarations;
        this.directory = directory;
    }

    /** The key, or null while the document lacks a value the key needs (a project name not yet typed). */
    String keyOf(FormDefinition definition, String department, int year, JsonNode document) {
        return definition.uniqueness().values(department, year, document)
                .map(values -> hash(definition.key(), values))
                .orElse(null);
    }

    /** Refuses when a declaration other than {@code self} holds the key. */
    void requireFree(FormDefinition definition, String key, Long self, String department, int year, JsonNode document) {
        if (key == null) {
            return;
        }
        declarations.findByUniquenessKey(key)
                .filter(holder -> !holder.id().equals(self))
                .ifPresent(holder -> {
                    throw duplicate(definition, holder, department, year, document);
                });
    }

    /**
     * After a unique-index violation: the declaration that took the key, read in a transaction of its own (the
     * failed one is lost). The winner of a race commits right after its insert, so a few short reads find it.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW, readOnly = true)
    public Optional<DuplicateDeclarationException> holder(FormDefinition definition, String key, String department,
                                                         int year, JsonNode document) {
        for (int attempt = 0; attempt < 20; attempt++) {
            var holder = declarations.findByUniquenessKey(key);
            if (holder.isPresent()) {
                return Optional.of(duplicate(definition, holder.get(), department, year, document));
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return Optional.empty();
    }

    private DuplicateDeclarationException duplicate(FormDefinition definition, Declaration holder, String department,
                                                    int year, JsonNode document) {
        var uniqueness = definition.uniqueness();
        var values = uniqueness.values(department, year, document).orElse(List.of());
        var named = new StringBuilder();
        for (int i = 0; i < uniqueness.parts().size() && i < values.size(); i++) {
            if (uniqueness.parts().get(i).startsWith("/")) {
                named.append("，").append(uniqueness.labels().get(i)).append("为“").append(values.get(i)).append("”");
            }
        }
        String hint = holder.status().equals(DeclarationStatus.APPROVED) ? "已批复的申报表如需修改，请对其申请调整"
                : holder.status().equals(DeclarationStatus.REJECTED) ? "该申报表已被驳回，驳回是最终结论，不能就同一事项重新申报"
                : "请继续办理这份申报表";
        String message = directory.departmentName(department) + " " + year + " 年度已有一份“" + definition.title()
                + "”" + named + "：申报表 " + holder.id() + "（" + holder.status().label() + "）。同一"
                + String.join("、", uniqueness.labels()) + "只能有一份申报表，" + hint;
        return new DuplicateDeclarationException(message, holder.id(), holder.status());
    }

    private static String hash(String formKey, List<String> values) {
        var array = JsonNodeFactory.instance.arrayNode().add(formKey);
        values.forEach(array::add);
        try {
            byte[] canonical = CANONICAL.writeValueAsString(array).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
