package cn.perftarget.declaration;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.perftarget.definition.FormDefinition;
import cn.perftarget.definition.FormDefinitions;
import cn.perftarget.identity.Actor;
import cn.perftarget.identity.Directory;
import cn.perftarget.identity.Role;

/**
 * How a recorded event reads for people: the person's name for a username, a role's and a unit's Chinese name for
 * their codes, and details in words (the fields a comment is about as the template names them). The records keep
 * the codes, which searches and the hash chain need; only what is shown or exported is put into words.
 */
@Component
public class EventWords {

    private final Directory directory;
    private final FormDefinitions forms;
    private final Declarations declarations;
    private final DeclarationQueries queries;
    private final ObjectMapper json;
    private final LocalTimes times;

    EventWords(Directory directory, FormDefinitions forms, Declarations declarations, DeclarationQueries queries,
               ObjectMapper json, LocalTimes times) {
        this.times = times;
        this.directory = directory;
        this.forms = forms;
        this.declarations = declarations;
        this.queries = queries;
        this.json = json;
    }

    /** A reading of many events: names and templates are looked up once each. */
    @Transactional(readOnly = true)
    public Reading reading() {
        return new Reading(directory.unitNames());
    }

    /** One reading; not shared between threads or requests (it keeps what it looked up). */
    public final class Reading {

        private final Map<String, String> units;
        private final Map<String, String> people = new HashMap<>();
        private final Map<Long, Optional<FormDefinition>> templates = new HashMap<>();

        private Reading(Map<String, String> units) {
            this.units = units;
        }

        public String person(String username) {
            return username == null ? null : people.computeIfAbsent(username,
                    u -> Actor.SYSTEM.username().equals(u) ? Actor.SYSTEM.name() : directory.personName(u));
        }

        /** A role code's label; a code no longer known (an old event) as stored. */
        public String role(String code) {
            if (code == null) {
                return null;
            }
            for (Role role : Role.values()) {
                if (role.name().equals(code)) {
                    return role.label();
                }
            }
            return code;
        }

        public String unit(String code) {
            return code == null ? null : units.getOrDefault(code, code);
        }

        public String status(String code) {
            return code == null || !DeclarationStatus.isCode(code) ? code : queries.status(code).label();
        }

        /**
         * The details in words: a decision's fields (stored as a JSON list of pointers) as 涉及：联系电话、年度目标1 › 绩效指标3;
         * an organisation change ({"what","before","after"}) as what changed; anything else as written.
         */
        public String details(Long declarationId, String details) {
            if (details == null || details.isBlank() || !(details.startsWith("[") || details.startsWith("{"))) {
                return details;
            }
            try {
                JsonNode node = json.readTree(details);
                if (node.isArray()) {
                    return "涉及：" + places(declarationId, node);
                }
                return node.hasNonNull("what") ? new ChangeWords(this, times).of(node) : details;
            } catch (JsonProcessingException e) {
                return details;
            }
        }

        private String places(Long declarationId, JsonNode pointers) {
            var template = declarationId == null ? Optional.<FormDefinition>empty()
                    : templates.computeIfAbsent(declarationId, id -> declarations.findById(id)
                            .flatMap(d -> forms.find(d.formKey(), d.formVersion())));
            List<String> places = new ArrayList<>();
            for (JsonNode pointer : pointers) {
                places.add(template.map(t -> t.placeOf(pointer.asText())).orElse("申报表中的字段"));
            }
            return String.join("、", places);
        }
    }
}
