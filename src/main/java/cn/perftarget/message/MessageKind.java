package cn.perftarget.message;

/** What a message tells; each kind may also go out by email, as each user chooses (消息设置). */
public enum MessageKind {
    TASK_ARRIVED("待审核"),
    RETURNED("被退回"),
    APPROVED("已批复"),
    REJECTED("已驳回"),
    WITHDRAWN("已撤回"),
    DEADLINE_NEAR("即将截止"),
    OVERDUE("已逾期"),
    COPIED("抄送"),
    URGED("催办"),
    REVIEW_OVERDUE("审核超时"),
    HANDED_OVER("转办"),
    CONSULTED("加签"),
    MONITORING_REQUESTED("监控任务"),
    RECHECK_DRAWN("抽中复核");

    private final String label;

    MessageKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
