package cn.perftarget.declaration;

import static cn.perftarget.declaration.DeclarationStatus.APPROVED;
import static cn.perftarget.declaration.DeclarationStatus.DEPT_REVIEW;
import static cn.perftarget.declaration.DeclarationStatus.DRAFT;
import static cn.perftarget.declaration.DeclarationStatus.EXPERT_REVIEW;
import static cn.perftarget.declaration.DeclarationStatus.FINANCE_REVIEW;
import static cn.perftarget.declaration.DeclarationStatus.REJECTED;
import static cn.perftarget.declaration.DeclarationStatus.RETURNED;

import java.time.Instant;
import java.util.Arrays;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import cn.perftarget.declaration.process.BusinessKey;

/**
 * The aggregate: one department's declaration for one year on one pinned form version. It owns its status;
 * each transition refuses a move its current status does not allow.
 */
@Entity
@Table(name = "declaration")
class Declaration {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String formKey;
    private int formVersion;
    private String department;
    private int budgetYear;
    @Enumerated(EnumType.STRING)
    private DeclarationStatus status;
    private int revision;
    private Integer approvedRevision;
    private String filedBy;
    private Instant createdAt;
    private Instant updatedAt;
    private Instant firstSubmittedAt;
    /** Held under a unique index: see DeclarationKeys. Null while the template's key is incomplete. */
    private String uniquenessKey;
    /** The 主管部门 that reviews it, fixed at submission (the unit's 主管部门 then); null before the first. */
    private String reviewDepartment;
    /** Routed to 专家评审 at some time: experts see it from then on. */
    private boolean expertRouted;
    @Version
    private long lockVersion;

    protected Declaration() {
    }

    static Declaration open(String formKey, int formVersion, String department, int year, String filedBy, Instant now) {
        var declaration = new Declaration();
        declaration.formKey = formKey;
        declaration.formVersion = formVersion;
        declaration.department = department;
        declaration.budgetYear = year;
        declaration.filedBy = filedBy;
        declaration.status = DRAFT;
        declaration.revision = 1;
        declaration.createdAt = now;
        declaration.updatedAt = now;
        return declaration;
    }

    /** A new document was saved: returns its revision number. */
    int documentSaved(Instant now) {
        require("保存", DRAFT, RETURNED);
        revision++;
        updatedAt = now;
        return revision;
    }

    void submit(Instant now) {
        move("提交", DEPT_REVIEW, DRAFT, RETURNED);
        if (firstSubmittedAt == null) {
            firstSubmittedAt = now;
        }
    }

    void withdraw() {
        move("撤回", DRAFT, DEPT_REVIEW);
    }

    void forwardToFinance() {
        move("转财政审核", FINANCE_REVIEW, DEPT_REVIEW);
    }

    void forwardToExpert() {
        move("转专家评审", EXPERT_REVIEW, FINANCE_REVIEW);
        expertRouted = true;
    }

    /** A submission that passed validation is reviewed by this 主管部门 (its unit's 主管部门 now). */
    void reviewedBy(String department) {
        require("提交审核", DEPT_REVIEW);
        reviewDepartment = department;
    }

    void returnForRevision() {
        move("退回", RETURNED, DEPT_REVIEW, FINANCE_REVIEW, EXPERT_REVIEW);
    }

    void reject() {
        move("驳回", REJECTED, FINANCE_REVIEW);
    }

    void approve() {
        move("批复", APPROVED, FINANCE_REVIEW, EXPERT_REVIEW);
        approvedRevision = revision;
    }

    /** 调整: an approved declaration becomes editable again; the approved revision stays what it was. */
    void openAdjustment() {
        move("调整", DRAFT, APPROVED);
    }

    private void move(String action, DeclarationStatus target, DeclarationStatus... allowedFrom) {
        require(action, allowedFrom);
        status = target;
    }

    private void require(String action, DeclarationStatus... allowedFrom) {
        if (Arrays.stream(allowedFrom).noneMatch(s -> s == status)) {
            throw new StatusConflictException("申报表当前状态为“" + status.label() + "”，不能" + action);
        }
    }

    void touch(Instant now) {
        updatedAt = now;
    }

    /** The business key of this declaration's process instances. */
    BusinessKey processKey() {
        return new BusinessKey(id, department, budgetYear, formKey);
    }

    Long id() {
        return id;
    }

    String uniquenessKey() {
        return uniquenessKey;
    }

    /** What makes this declaration unique changed (e.g. its project name), or was first known. */
    void identifyAs(String key) {
        uniquenessKey = key;
    }

    String formKey() {
        return formKey;
    }

    int formVersion() {
        return formVersion;
    }

    String department() {
        return department;
    }

    int year() {
        return budgetYear;
    }

    DeclarationStatus status() {
        return status;
    }

    int revision() {
        return revision;
    }

    Integer approvedRevision() {
        return approvedRevision;
    }

    String filedBy() {
        return filedBy;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    Instant firstSubmittedAt() {
        return firstSubmittedAt;
    }

    String reviewDepartment() {
        return reviewDepartment;
    }

    boolean expertRouted() {
        return expertRouted;
    }
}
