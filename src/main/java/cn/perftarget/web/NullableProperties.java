package cn.perftarget.web;

import java.lang.annotation.Annotation;
import java.util.LinkedHashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.oas.models.media.Schema;

import org.springdoc.core.customizers.PropertyCustomizer;
import org.springframework.stereotype.Component;

/**
 * Null where null is what the server sends or accepts: our JSON writes every field, so a field of an object type
 * without {@code @NotNull}, {@code @NotBlank} or {@code @NotEmpty} may be {@code null} ({@code approvedRevision}
 * before an approval, {@code lockedUntil} of an unlocked user, {@code parent} of a 主管部门), and in a request a null
 * optional field means "not given". Primitives, lists, enums and references to other schemas are never null.
 */
@Component
class NullableProperties implements PropertyCustomizer {

    private static final Set<String> NOT_NULL = Set.of("NotNull", "NotBlank", "NotEmpty");

    @Override
    public Schema customize(Schema property, AnnotatedType type) {
        if (property == null || property.get$ref() != null || property.getEnum() != null || type == null
                || type.getType() == null || required(type.getCtxAnnotations())) {
            return property;
        }
        JavaType java = type.getType() instanceof JavaType given ? given : TypeFactory.defaultInstance().constructType(type.getType());
        if (java.isPrimitive() || java.isContainerType() || java.isEnumType()) {
            return property;
        }
        Set<String> types = property.getTypes() != null ? new LinkedHashSet<String>(property.getTypes())
                : property.getType() != null ? new LinkedHashSet<>(Set.of(property.getType())) : null;
        if (types == null || types.contains("object")) {
            return property;
        }
        types.add("null");
        property.setTypes(types);
        return property;
    }

    private static boolean required(Annotation[] annotations) {
        if (annotations == null) {
            return false;
        }
        for (Annotation annotation : annotations) {
            if (NOT_NULL.contains(annotation.annotationType().getSimpleName())) {
                return true;
            }
        }
        return false;
    }
}
