package cn.perftarget.declaration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

class DeclarationTest {

    private static final Instant NOW = Instant.parse("2020-01-10T08:00:00Z");

    private static Declaration draft() {
        return Declaration.open("dept-overall", 1, "HP-BDC", 2020, "filer1", NOW);
    }

    private static final ReviewStepDefinition DEPT = step("DEPT_REVIEW", "主管部门审核", "department");
    private static final ReviewStepDefinition FINANCE = step("FINANCE_REVIEW", "财政审核", "finance-section");
    private static final ReviewStepDefinition EXPERTS = step("EXPERT_REVIEW", "专家评审", "role:EXPERT");
    private static final DeclarationStatus DEPT_REVIEW = DEPT.status();
    private static final DeclarationStatus FINANCE_REVIEW = FINANCE.status();
    private static final DeclarationStatus EXPERT_REVIEW = EXPERTS.status();

    private static ReviewStepDefinition step(String status, String name, String reviewers) {
        return ReviewStepDefinition.of("DeclarationApproval", "Task_" + status, name,
                Map.of("status", status, "reviewers", reviewers, "outcomes", "approve,return,reject"), false, 0);
    }

    private static Declaration in(DeclarationStatus status) {
        var d = draft();
        if (status.equals(DeclarationStatus.DRAFT)) {
            return d;
        }
        d.submit(DEPT, "HP-BDC", "filer1", NOW);
        if (status.equals(DEPT_REVIEW)) {
            return d;
        }
        if (status.equals(DeclarationStatus.RETURNED)) {
            d.returnForRevision();
            return d;
        }
        d.moveTo(FINANCE);
        if (status.equals(EXPERT_REVIEW)) {
            d.moveTo(EXPERTS);
        } else if (status.equals(DeclarationStatus.APPROVED)) {
            d.approve();
        } else if (status.equals(DeclarationStatus.REJECTED)) {
            d.reject();
        }
        return d;
    }

    @Test
    void opensAsDraftAtRevisionOne() {
        var d = draft();
        assertThat(d.status()).isEqualTo(DeclarationStatus.DRAFT);
        assertThat(d.revision()).isEqualTo(1);
        assertThat(d.approvedRevision()).isNull();
    }

    @Test
    void savingADraftOrReturnedDeclarationAddsARevision() {
        var d = draft();
        assertThat(d.documentSaved(NOW)).isEqualTo(2);
        var returned = in(DeclarationStatus.RETURNED);
        assertThat(returned.documentSaved(NOW)).isEqualTo(2);
    }

    @Test
    void savingIsRefusedOutsideDraftAndReturned() {
        for (var status : new DeclarationStatus[] {DEPT_REVIEW, FINANCE_REVIEW, EXPERT_REVIEW,
                DeclarationStatus.APPROVED, DeclarationStatus.REJECTED}) {
            var d = in(status);
            assertThatThrownBy(() -> d.documentSaved(NOW)).as(status.name())
                    .isInstanceOf(StatusConflictException.class);
            assertThat(d.revision()).isEqualTo(1);
        }
    }

    @Test
    void approvalPinsTheApprovedRevisionAndAdjustmentKeepsIt() {
        var d = in(FINANCE_REVIEW);
        d.approve();
        assertThat(d.approvedRevision()).isEqualTo(1);

        d.openAdjustment();
        assertThat(d.status()).isEqualTo(DeclarationStatus.DRAFT);
        d.documentSaved(NOW);
        assertThat(d.revision()).isEqualTo(2);
        assertThat(d.approvedRevision()).isEqualTo(1);
    }

    @Test
    void withdrawalOnlyFromReview() {
        var d = in(DEPT_REVIEW);
        d.withdraw();
        assertThat(d.status()).isEqualTo(DeclarationStatus.DRAFT);
        refused(DeclarationStatus.DRAFT, Declaration::withdraw);
        refused(DeclarationStatus.APPROVED, Declaration::withdraw);
    }

    @Test
    void enteringARoleStepLetsThatRoleSeeItFromThenOn() {
        var d = in(EXPERT_REVIEW);
        assertThat(d.routedRoles()).containsExactly("EXPERT");
        d.returnForRevision();
        assertThat(d.routedRoles()).containsExactly("EXPERT");
        assertThat(in(FINANCE_REVIEW).routedRoles()).isEmpty();
    }

    @Test
    void aReviewStatusIsLabelledAsWaitingInItsStep() {
        assertThat(DEPT_REVIEW.label()).isEqualTo("主管部门审核中");
        assertThat(DEPT.label()).isEqualTo("主管部门审核");
        assertThat(DEPT_REVIEW.isInReview()).isTrue();
        assertThat(DeclarationStatus.APPROVED.isInReview()).isFalse();
    }

    @Test
    void illegalMovesAreRefusedAndLeaveTheStatusAlone() {
        refused(DeclarationStatus.DRAFT, Declaration::approve);
        refused(DeclarationStatus.DRAFT, d -> d.moveTo(FINANCE));
        refused(DeclarationStatus.APPROVED, d -> d.submit(DEPT, "HP-BDC", "filer1", NOW));
        refused(DeclarationStatus.APPROVED, d -> d.moveTo(FINANCE));
        refused(DeclarationStatus.APPROVED, Declaration::returnForRevision);
        refused(DeclarationStatus.REJECTED, d -> d.submit(DEPT, "HP-BDC", "filer1", NOW));
        refused(DeclarationStatus.REJECTED, Declaration::openAdjustment);
        refused(DeclarationStatus.RETURNED, Declaration::openAdjustment);
    }

    private static void refused(DeclarationStatus from, Consumer<Declaration> move) {
        var d = in(from);
        assertThatThrownBy(() -> move.accept(d)).isInstanceOf(StatusConflictException.class)
                .hasMessageContaining(from.label());
        assertThat(d.status()).isEqualTo(from);
    }
}
