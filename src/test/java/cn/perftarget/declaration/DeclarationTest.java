package cn.perftarget.declaration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

class DeclarationTest {

    private static final Instant NOW = Instant.parse("2020-01-10T08:00:00Z");

    private static Declaration draft() {
        return Declaration.open("dept-overall", 1, "HP-BDC", 2020, "filer1", NOW);
    }

    private static Declaration in(DeclarationStatus status) {
        var d = draft();
        switch (status) {
            case DRAFT -> { }
            case DEPT_REVIEW -> d.submit(NOW);
            case FINANCE_REVIEW -> { d.submit(NOW); d.forwardToFinance(); }
            case EXPERT_REVIEW -> { d.submit(NOW); d.forwardToFinance(); d.forwardToExpert(); }
            case RETURNED -> { d.submit(NOW); d.returnForRevision(); }
            case APPROVED -> { d.submit(NOW); d.forwardToFinance(); d.approve(); }
            case REJECTED -> { d.submit(NOW); d.forwardToFinance(); d.reject(); }
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
        for (var status : new DeclarationStatus[] {DeclarationStatus.DEPT_REVIEW, DeclarationStatus.FINANCE_REVIEW,
                DeclarationStatus.EXPERT_REVIEW, DeclarationStatus.APPROVED, DeclarationStatus.REJECTED}) {
            var d = in(status);
            assertThatThrownBy(() -> d.documentSaved(NOW)).as(status.name())
                    .isInstanceOf(StatusConflictException.class);
            assertThat(d.revision()).isEqualTo(1);
        }
    }

    @Test
    void approvalPinsTheApprovedRevisionAndAdjustmentKeepsIt() {
        var d = in(DeclarationStatus.FINANCE_REVIEW);
        d.approve();
        assertThat(d.approvedRevision()).isEqualTo(1);

        d.openAdjustment();
        assertThat(d.status()).isEqualTo(DeclarationStatus.DRAFT);
        d.documentSaved(NOW);
        assertThat(d.revision()).isEqualTo(2);
        assertThat(d.approvedRevision()).isEqualTo(1);
    }

    @Test
    void withdrawalOnlyFromDeptReview() {
        var d = in(DeclarationStatus.DEPT_REVIEW);
        d.withdraw();
        assertThat(d.status()).isEqualTo(DeclarationStatus.DRAFT);
        refused(DeclarationStatus.FINANCE_REVIEW, Declaration::withdraw);
        refused(DeclarationStatus.DRAFT, Declaration::withdraw);
    }

    @Test
    void illegalMovesAreRefusedAndLeaveTheStatusAlone() {
        refused(DeclarationStatus.DRAFT, Declaration::approve);
        refused(DeclarationStatus.DRAFT, Declaration::forwardToFinance);
        refused(DeclarationStatus.DEPT_REVIEW, Declaration::reject);
        refused(DeclarationStatus.DEPT_REVIEW, Declaration::approve);
        refused(DeclarationStatus.APPROVED, d -> d.submit(NOW));
        refused(DeclarationStatus.APPROVED, Declaration::returnForRevision);
        refused(DeclarationStatus.REJECTED, d -> d.submit(NOW));
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
