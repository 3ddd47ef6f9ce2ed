package cn.perftarget.message;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.perftarget.declaration.DeadlineProperties;
import cn.perftarget.declaration.DeclarationEvent;
import cn.perftarget.declaration.DeclarationEvent.Approved;
import cn.perftarget.declaration.DeclarationEvent.Copied;
import cn.perftarget.declaration.DeclarationEvent.DeadlineNear;
import cn.perftarget.declaration.DeclarationEvent.MonitoringDueSoon;
import cn.perftarget.declaration.DeclarationEvent.MonitoringRequested;
import cn.perftarget.declaration.DeclarationEvent.RecheckDrawn;
import cn.perftarget.declaration.DeclarationEvent.Rejected;
import cn.perftarget.declaration.DeclarationEvent.Returned;
import cn.perftarget.declaration.DeclarationEvent.ReviewOverdue;
import cn.perftarget.declaration.DeclarationEvent.StepReached;
import cn.perftarget.declaration.DeclarationEvent.TaskPassed;
import cn.perftarget.declaration.DeclarationEvent.WentOverdue;
import cn.perftarget.declaration.DeclarationEvent.Withdrawn;
import cn.perftarget.declaration.DeclarationPeople;
import cn.perftarget.declaration.MonitoringRounds;
import cn.perftarget.identity.Actor;
import cn.perftarget.identity.Directory;
import cn.perftarget.review.ReviewUrged;

/**
 * Turns what happened to a declaration into messages for exactly the people it concerns: a task's arrival to the
 * step's reviewers, a return, approval or rejection to the unit's filers, a withdrawal to the reviewers who had it,
 * deadlines to the unit's filers, a copy, 转办, 加签 or 催办 to whom it names. Synchronous listeners: they run in the
 * publisher's transaction.
 */
@Component
class MessageListeners {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final MessageWriter writer;
    private final DeclarationPeople people;
    private final Directory directory;
    private final ZoneId zone;

    MessageListeners(MessageWriter writer, DeclarationPeople people, Directory directory, DeadlineProperties deadlines) {
        this.writer = writer;
        this.people = people;
        this.directory = directory;
        this.zone = deadlines.zone();
    }

    @EventListener
    void on(DeclarationEvent event) {
        long id = event.declarationId();
        String title = people.title(id);
        if (event instanceof StepReached e) {
            write(people.reviewersOf(id, e.step()), e.actor(), MessageKind.TASK_ARRIVED, id, "待审核：" + title,
                    title + "已进入“" + e.step().label() + "”，请您审核。");
        } else if (event instanceof Returned e) {
            write(people.filersOf(id), e.actor(), MessageKind.RETURNED, id, "被退回修改：" + title,
                    title + "在“" + e.from().label() + "”被" + name(e.actor()) + "退回修改。退回意见：" + e.comment());
        } else if (event instanceof Approved e) {
            write(people.filersOf(id), e.actor(), MessageKind.APPROVED, id, "已批复：" + title,
                    title + "已审核通过并批复。" + opinion(e.comment()));
        } else if (event instanceof Rejected e) {
            write(people.filersOf(id), e.actor(), MessageKind.REJECTED, id, "已驳回：" + title,
                    title + "在“" + e.from().label() + "”被" + name(e.actor()) + "驳回。驳回意见：" + e.comment());
        } else if (event instanceof Withdrawn e) {
            write(people.reviewersOf(id, e.from()), e.actor(), MessageKind.WITHDRAWN, id, "已撤回：" + title,
                    name(e.actor()) + "撤回了" + title + "，“" + e.from().label() + "”的审核任务已取消。");
        } else if (event instanceof DeadlineNear e) {
            write(people.filersOf(id), null, MessageKind.DEADLINE_NEAR, id, "即将截止：" + title,
                    title + "尚未提交，提交截止日期为 " + day(e.deadline()) + "（当天结束前），请及时填报并提交。");
        } else if (event instanceof WentOverdue e) {
            write(people.filersOf(id), null, MessageKind.OVERDUE, id, "已逾期：" + title,
                    title + "已超过提交截止日期（" + day(e.deadline()) + "）仍未提交，请尽快提交。");
        } else if (event instanceof ReviewOverdue e) {
            write(people.reviewersOf(id, e.step()), null, MessageKind.REVIEW_OVERDUE, id, "审核超时：" + title,
                    title + "在“" + e.step().label() + "”已超过审核时限，已升级督办，请尽快审核。");
        } else if (event instanceof MonitoringRequested e) {
            write(people.filersOf(id), null, MessageKind.MONITORING_REQUESTED, id, "运行监控：" + title,
                    "财政已开启" + e.year() + "年" + MonitoringRounds.label(e.period()) + "绩效运行监控，请依据" + title
                            + "批复的绩效目标，于 " + day(e.deadline()) + "（当天结束前）前填报并提交运行监控表。");
        } else if (event instanceof MonitoringDueSoon e) {
            write(people.filersOf(id), null, MessageKind.DEADLINE_NEAR, id, "运行监控即将截止：" + title,
                    e.year() + "年" + MonitoringRounds.label(e.period()) + "绩效运行监控的填报截止日期为 " + day(e.deadline()) + "（当天结束前），"
                            + title + "的运行监控表尚未提交，请及时填报并提交。");
        } else if (event instanceof RecheckDrawn e) {
            write(people.filersOf(id), null, MessageKind.RECHECK_DRAWN, id, "抽中财政复核：" + title,
                    title + "被抽中" + e.year() + "年度绩效自评财政复核，财政将核实自评得分，请备好各项指标完成情况的佐证材料。");
        } else if (event instanceof Copied e) {
            write(e.users(), e.actor(), MessageKind.COPIED, id, "抄送：" + title,
                    name(e.actor()) + "将" + title + "抄送给您，您可以查看。" + note(e.note()));
        } else if (event instanceof TaskPassed e) {
            write(List.of(e.to()), e.actor(), e.consultation() ? MessageKind.CONSULTED : MessageKind.HANDED_OVER, id,
                    (e.consultation() ? "加签：" : "转办：") + title, e.consultation()
                            ? name(e.actor()) + "请您对" + title + "（" + e.step().label() + "）发表加签意见。"
                            : name(e.actor()) + "将" + title + "（" + e.step().label() + "）的审核任务转办给您。");
        }
    }

    @EventListener
    void on(ReviewUrged event) {
        long id = event.declarationId();
        String title = people.title(id);
        write(event.reviewers(), event.actor(), MessageKind.URGED, id, "催办：" + title,
                name(event.actor()) + "催办" + title + "，现为“" + event.step().label() + "”，请尽快审核。");
    }

    private void write(List<String> to, String actor, MessageKind kind, long id, String title, String text) {
        writer.write(to, actor, kind, id, title, text);
    }

    private String name(String username) {
        return directory.actor(username).map(Actor::name).orElse(username);
    }

    /** The deadline is the first instant after the due day (its end): people are told the day itself. */
    private String day(Instant deadline) {
        return DAY.format(deadline.minusSeconds(1).atZone(zone));
    }

    private static String opinion(String comment) {
        return comment == null || comment.isBlank() ? "" : "审核意见：" + comment;
    }

    private static String note(String note) {
        return note == null || note.isBlank() ? "" : "附言：" + note;
    }
}
