package cn.perftarget.web;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;

import org.springframework.stereotype.Component;

/**
 * Bean Validation names a field as Java does ({@code next}); the client wrote it as the JSON says
 * ({@code "new"}, a Java keyword). Maps a bound property path to the JSON Pointer of what the client sent, through
 * the same Jackson introspection that read the body, so {@code errors[].path} is the documented name.
 */
@Component
class JsonFieldNames {

    private final ObjectMapper json;

    JsonFieldNames(ObjectMapper json) {
        this.json = json;
    }

    /** {@code field} ({@code a.b[0].c}) of a body of type {@code root} as a JSON Pointer ({@code /a/b/0/c}). */
    String pointer(Class<?> root, String field) {
        JavaType type = root == null ? null : json.constructType(root);
        var segments = new ArrayList<String>();
        for (String part : field.replaceAll("\\[(\\d*)]", ".$1").split("\\.")) {
            if (part.isEmpty()) {
                continue;
            }
            if (type != null && type.isContainerType()) {
                segments.add(part);
                type = type.getContentType();
                continue;
            }
            var property = type == null ? null : property(type, part);
            segments.add(property == null ? part : property.getName());
            type = property == null ? null : property.getPrimaryType();
        }
        return "/" + String.join("/", escaped(segments));
    }

    private BeanPropertyDefinition property(JavaType type, String javaName) {
        try {
            return json.getDeserializationConfig().introspect(type).findProperties().stream()
                    .filter(p -> p.getInternalName().equals(javaName)).findFirst().orElse(null);
        } catch (IllegalArgumentException notABean) {
            return null;
        }
    }

    private static List<String> escaped(List<String> segments) {
        return segments.stream().map(s -> s.replace("~", "~0").replace("/", "~1")).toList();
    }
}
