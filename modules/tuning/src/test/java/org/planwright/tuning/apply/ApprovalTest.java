package org.planwright.tuning.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The admin-approval rule: required means a named approver, and the name goes into the history's "who". */
class ApprovalTest {

    @Test
    void aRequiredApprovalWithoutANameIsAProblemAndWithOneIsNot() {
        assertThat(Approval.problem(true, null)).contains("administrator's approval").contains(Approval.PREFERENCE);
        assertThat(Approval.problem(true, "   ")).isNotNull();
        assertThat(Approval.problem(true, "Dana (DBA lead)")).isNull();
        assertThat(Approval.problem(false, null)).isNull();
    }

    @Test
    void theApproverIsRecordedWithTheOperator() {
        assertThat(Approval.author("postgres (alice)", " Dana ")).isEqualTo("postgres (alice), approved by Dana");
        assertThat(Approval.author("postgres (alice)", null)).isEqualTo("postgres (alice)");
        assertThat(Approval.author("postgres (alice)", "")).isEqualTo("postgres (alice)");
    }

    @Test
    void aNameTooLongOrWithControlCharactersIsRefused() {
        assertThat(Approval.problem(true, "x".repeat(Approval.MAX_NAME + 1))).contains("longer");
        assertThat(Approval.problem(false, "Dana\nDROP")).contains("control");
        assertThatThrownBy(() -> Approval.author("postgres", "a\u0000b")).isInstanceOf(IllegalArgumentException.class);
    }
}
