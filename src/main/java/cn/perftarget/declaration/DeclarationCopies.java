package cn.perftarget.declaration;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.perftarget.audit.AuditAction;
import cn.perftarget.identity.Actor;
import cn.perftarget.identity.Directory;
import cn.perftarget.identity.Role;

/**
 * 抄送: the declaration's filer or a reviewer who sees it copies people in, by name or by unit. The people copied in
 * may read the declaration from then on ({@link Access#canSee}) and nothing more: saving, submitting and deciding
 * keep their own checks, which a copy does not pass.
 */
@Service
@Transactional
public class DeclarationCopies {

    private final Access access;
    private final DeclarationCopyRepository copies;
    private final Directory directory;
    private final Journal journal;
    private final Clock clock;

    DeclarationCopies(Access access, DeclarationCopyRepository copies, Directory directory, Journal journal,
                      Clock clock) {
        this.access = access;
        this.copies = copies;
        this.directory = directory;
        this.journal = journal;
        this.clock = clock;
    }

    /**
     * Refuses (403) someone who may not copy others in: only a filer of the declaration's unit or a reviewer who sees
     * it by their own role may; someone who was only copied in may not pass it on. 404 when they cannot see it.
     */
    @Transactional(readOnly = true)
    public void requireMayCopy(Actor actor, long id) {
        if (!mayCopy(actor, id)) {
            throw new ActionForbiddenException("只有本单位填报人或审核人可以抄送，当前用户角色为“" + actor.role().label() + "”");
        }
    }

    /** Whether the actor may copy others in on this declaration (the page shows 抄送 then); 404 when unseen. */
    @Transactional(readOnly = true)
    public boolean mayCopy(Actor actor, long id) {
        var declaration = access.visible(actor, id);
        boolean filer = actor.is(Role.FILER) && actor.belongsTo(declaration.department());
        boolean reviewer = actor.roles().stream().anyMatch(Role::isReviewer) && access.inScope(actor, declaration);
        return filer || reviewer;
    }

    /** Copies in the named users and every enabled user of the named units; returns who was copied in. */
    public CopiedPeople copy(Actor actor, long id, List<String> users, List<String> units, String note) {
        requireMayCopy(actor, id);
        var declaration = access.visible(actor, id);
        var people = new LinkedHashSet<String>();
        for (int i = 0; i < users.size(); i++) {
            String username = users.get(i);
            int index = i;
            var user = directory.activeActor(username).orElseThrow(() -> InvalidRequestException.of("/users/" + index,
                    "copy.user-unknown", "用户“" + username + "”不存在或已停用"));
            if (user.username().equals(actor.username())) {
                throw InvalidRequestException.of("/users/" + i, "copy.self", "不能抄送给自己");
            }
            people.add(user.username());
        }
        for (int i = 0; i < units.size(); i++) {
            String unit = units.get(i);
            if (directory.units().unit(unit).isEmpty()) {
                throw InvalidRequestException.of("/units/" + i, "copy.unit-unknown", "单位“" + unit + "”不存在");
            }
            directory.enabledActors().stream().filter(a -> a.belongsTo(unit) && !a.username().equals(actor.username()))
                    .forEach(a -> people.add(a.username()));
        }
        if (people.isEmpty()) {
            throw InvalidRequestException.of(units.isEmpty() ? "/users" : "/units", "copy.nobody",
                    "请至少指定一个抄送的用户或单位（单位中须有其他在用的用户）");
        }
        var now = clock.instant();
        var copied = new ArrayList<>(people);
        for (String username : copied) {
            if (!copies.existsByDeclarationIdAndUsername(id, username)) {
                copies.save(new DeclarationCopy(id, username, actor.username(), now));
            }
        }
        var names = copied.stream().map(u -> directory.actor(u).map(Actor::name).orElse(u)).toList();
        journal.record(actor, declaration, AuditAction.COPIED, declaration.status(), "抄送给 " + String.join("、", names));
        journal.publish(new DeclarationEvent.Copied(id, actor.username(), copied, note));
        return new CopiedPeople(copied, names);
    }
}
