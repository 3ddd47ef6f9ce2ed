package cn.perftarget.audit;

/** Everything that can happen to a declaration or to the organisation and is kept for auditors. */
public enum AuditAction {
    CREATED("创建"),
    SAVED("保存"),
    VALIDATED("校验"),
    SUBMITTED("提交"),
    SUBMISSION_REJECTED("提交未通过校验"),
    WITHDRAWN("撤回"),
    APPROVED("审核通过"),
    RETURNED("退回修改"),
    REJECTED("驳回"),
    ADJUSTMENT_OPENED("发起调整"),
    REMINDED("提交期限提醒"),
    OVERDUE("逾期未提交"),
    ESCALATED("审核超时升级"),
    RETURNED_TO_STEP("退回到指定环节"),
    HANDED_OVER("转办"),
    CONSULTED("加签"),
    CONSULTATION_ANSWERED("加签意见"),
    COPIED("抄送"),
    URGED("催办"),
    MONITORING_REQUESTED("开启运行监控"),
    RECHECK_DRAWN("抽中财政复核"),
    RECHECKED("财政复核"),
    EXPORTED("导出审计记录"),
    /** Someone tried to change the engine's state around our API (engine REST API, Camunda webapps). */
    BACKDOOR_REFUSED("越权操作被拒绝"),
    /** The organisation (identity.Organisation), on the general chain: details hold what, before and after. */
    UNIT_CREATED("新增单位"),
    UNIT_CHANGED("修改单位"),
    USER_CREATED("新增用户"),
    USER_CHANGED("修改用户"),
    PASSWORD_CHANGED("修改密码"),
    ACCOUNT_LOCKED("账户锁定"),
    PROCESS_DEPLOYED("部署流程模型"),
    /** A file attached to, or removed from, a declaration's current revision: details name it and its SHA-256. */
    ATTACHMENT_ADDED("上传附件"),
    ATTACHMENT_REMOVED("删除附件");

    private final String label;

    AuditAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
