package cn.perftarget.identity;

import java.util.LinkedHashMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import cn.perftarget.audit.AuditEntry;
import cn.perftarget.audit.AuditTrail;
import cn.perftarget.audit.AuditAction;

/** An organisation change as an event of the general audit chain: details are {"what","before","after"} in JSON. */
final class Changes {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private Changes() {
    }

    static AuditEntry entry(String actor, Role role, AuditAction action, String what, Object before, Object after) {
        var details = new LinkedHashMap<String, Object>();
        details.put("what", what);
        details.put("before", before);
        details.put("after", after);
        try {
            return new AuditEntry(AuditTrail.GENERAL, actor, role.name(), null, null, action, null, null, null, null,
                    null, JSON.writeValueAsString(details));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static AuditEntry entry(Actor actor, AuditAction action, String what, Object before, Object after) {
        return entry(actor.username(), actor.role(), action, what, before, after);
    }
}
