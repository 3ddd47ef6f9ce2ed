package cn.perftarget.validation;

import static cn.perftarget.validation.Templates.DEPT_V1;
import static cn.perftarget.validation.Templates.PROJECT_V1;
import static cn.perftarget.validation.Templates.findings;
import static cn.perftarget.validation.Templates.projectSample;
import static cn.perftarget.validation.Templates.validate;
import static cn.perftarget.validation.Templates.with;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * header.department-mismatch: the department on the form (the field the definition prefills from the declaration's
 * department) must be the declaration's own.
 */
class HeaderDepartmentTest {

    private static final ValidationContext HUANGPI_2020 = new ValidationContext(2020, "黄陂区大数据中心");

    @Test
    void theDeclarationsOwnDepartmentPasses() {
        assertThat(findings(validate(DEPT_V1, DeptOverall.correctedSample(), HUANGPI_2020))).isEmpty();
        assertThat(findings(validate(PROJECT_V1, projectSample(), new ValidationContext(2021, "黄陂区大数据中心")))).isEmpty();
    }

    @Test
    void anotherDepartmentIsAnErrorNamingBoth() {
        var report = validate(DEPT_V1, with(DeptOverall.correctedSample(), "/header/department", "黄陂区教育局"), HUANGPI_2020);

        assertThat(report.valid()).isFalse();
        assertThat(findings(report)).containsExactly("/header/department header.department-mismatch");
        assertThat(report.errors().get(0).message())
                .isEqualTo("“部门名称”为“黄陂区教育局”，不是本申报表所属部门“黄陂区大数据中心”：应填写本部门名称（新建申报表时已自动填入）");
    }

    @Test
    void projectFormsCheckTheirSupervisingDepartment() {
        var report = validate(PROJECT_V1, with(projectSample(), "/header/department", "武汉市大数据中心"),
                new ValidationContext(2021, "黄陂区大数据中心"));

        assertThat(findings(report)).containsExactly("/header/department header.department-mismatch");
        assertThat(report.errors().get(0).message()).startsWith("“主管部门”为“武汉市大数据中心”");
    }

    @Test
    void surroundingSpaceIsNoDifference() {
        var document = with(DeptOverall.correctedSample(), "/header/department", " 黄陂区大数据中心 ");

        assertThat(findings(validate(DEPT_V1, document, HUANGPI_2020))).isEmpty();
    }

    @Test
    void blankDepartmentIsOnlyRequired() {
        var document = with(DeptOverall.correctedSample(), "/header/department", "");

        assertThat(findings(validate(DEPT_V1, document, HUANGPI_2020))).containsExactly("/header/department structure.required");
    }

    @Test
    void aContextWithoutDepartmentDoesNotCheckIt() {
        var document = with(DeptOverall.correctedSample(), "/header/department", "黄陂区教育局");

        assertThat(findings(validate(DEPT_V1, document, new ValidationContext(2020)))).isEmpty();
    }
}
