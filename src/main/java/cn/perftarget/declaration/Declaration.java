package cn.perftarget.declaration;


import static cn.perftarget.declaration.DeclarationStatus.APPROVED;
import static cn.perftarget.declaration.DeclarationStatus.DRAFT;
import static cn.perftarget.declaration.DeclarationStatus.REJECTED;
import static cn.perftarget.declaration.DeclarationStatus.RETURNED;

import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;


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
    @Convert(converter = StatusConverter.class)
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
    /**
     * The roles of the {@code role:} review steps it was routed to at some time (e.g. {@code ,EXPERT,}): their
     * holders see it from then on.
     */
    private String routedRoles;
    /** The approval process instance of the current round; null for rounds started before it was kept. */
    private String processInstance;
    /** Who submitted the current round: the filer whose work the reviewers decide on. */
    private String submittedBy;
    /** The approved declaration this follow-up (监控, 自评) follows; null for a declaration of its own. */
    private Long basedOn;
    /** The months a 监控 follow-up covers ({@code 01-07}); null otherwise. */
    private String followUpPeriod;
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

    /** Makes a freshly opened declaration a follow-up of an approved one. */
    void markFollowUpOf(long base, String period) {
        this.basedOn = base;
        this.followUpPeriod = period;
    }

    Long basedOn() {
        return basedOn;
    }

    String followUpPeriod() {
        return followUpPeriod;
    }

    /** A new document was saved: returns its revision number. */
    int documentSaved(Instant now) {
        require("保存", DRAFT, RETURNED);
        revision++;
        updatedAt = now;
        return revision;
    }

    /** A valid submission went to its first review step, to be reviewed by this 主管部门. */
    void submit(ReviewStepDefinition firstStep, String reviewDepartment, String submitter, Instant now) {
        requireEditable("提交");
        enter(firstStep);
        this.reviewDepartment = reviewDepartment;
        this.submittedBy = submitter;
        if (firstSubmittedAt == null) {
            firstSubmittedAt = now;
        }
    }

    void withdraw() {
        requireInReview("撤回");
        status = DRAFT;
    }

    /** The process moved on to another review step (forward, or back by 退回到指定环节). */
    void moveTo(ReviewStepDefinition step) {
        requireInReview("转入“" + step.label() + "”");
        enter(step);
    }

    void returnForRevision() {
        requireInReview("退回");
        status = RETURNED;
    }

    void reject() {
        requireInReview("驳回");
        status = REJECTED;
    }

    void approve() {
        requireInReview("批复");
        status = APPROVED;
        approvedRevision = revision;
    }

    /** Follows the process to where it waits after a reviewer's call. */
    void follow(ProcessPosition position) {
        if (position instanceof ProcessPosition.AtStep at) {
            if (!at.step().status().equals(status)) {
                moveTo(at.step());
            }
        } else if (position instanceof ProcessPosition.AtFillIn) {
            returnForRevision();
        } else if (((ProcessPosition.Ended) position).rejected()) {
            reject();
        } else {
            approve();
        }
    }

    private void enter(ReviewStepDefinition step) {
        status = step.status();
        if (step.reviewers().kind() == Reviewers.Kind.ROLE) {
            var roles = new TreeSet<>(routedRoles());
            roles.add(step.reviewers().role().name());
            routedRoles = "," + String.join(",", roles) + ",";
        }
    }

    /** The instance of a new round (start, adjustment). */
    void runsOn(String instanceId) {
        processInstance = instanceId;
    }

    /** 调整: an approved declaration becomes editable again; the approved revision stays what it was. */
    void openAdjustment() {
        move("调整", DRAFT, APPROVED);
    }

    private void move(String action, DeclarationStatus target, DeclarationStatus... allowedFrom) {
        require(action, allowedFrom);
        status = target;
    }

    private void requireEditable(String action) {
        require(action, DRAFT, RETURNED);
    }

    private void requireInReview(String action) {
        if (!status.isInReview()) {
            throw new StatusConflictException("申报表当前状态为“" + status.label() + "”，不能" + action);
        }
    }

    private void require(String action, DeclarationStatus... allowedFrom) {
        if (Arrays.stream(allowedFrom).noneMatch(s -> s == status)) {
            throw new StatusConflictException("申报表当前状态为“" + status.label() + "”，不能" + action);
        }
    }

    void touch(Instant now) {
        updatedAt = now;
    }

    /** How the process module finds this declaration's approval instance. */
    ProcessRef processRef() {
        return new ProcessRef(id, department, budgetYear, formKey, processInstance);
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

    /** The roles of the {@code role:} steps it was routed to. */
    Set<String> routedRoles() {
        if (routedRoles == null || routedRoles.isBlank()) {
            return Set.of();
        }
        var roles = new TreeSet<String>();
        for (String role : routedRoles.split(",")) {
            if (!role.isBlank()) {
                roles.add(role);
            }
        }
        return roles;
    }

    String submittedBy() {
        return submittedBy;
    }
}
