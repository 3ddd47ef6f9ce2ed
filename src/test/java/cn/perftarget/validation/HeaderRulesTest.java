package cn.perftarget.validation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static cn.perftarget.validation.DeptOverall.correctedSample;
import static cn.perftarget.validation.RuleFixture.errors;
import static cn.perftarget.validation.RuleFixture.findingsOf;
import static cn.perftarget.validation.RuleFixture.message;
import static cn.perftarget.validation.RuleFixture.set;
import static cn.perftarget.validation.RuleFixture.validate;
import static org.assertj.core.api.Assertions.assertThat;

/** header.phone-format and header.year-mismatch. */
class HeaderRulesTest {

    @Test
    void correctedSampleHasNoHeaderFindings() {
        ValidationReport report = validate(correctedSample());

        assertThat(findingsOf(report, "header.phone-format")).isEmpty();
        assertThat(findingsOf(report, "header.year-mismatch")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "6296906",          // 7-digit local number
            "85916419",         // 8-digit local number
            "027-85916419",     // with area code
            "02785916419",      // area code without separator
            "(027)85916419",
            "0710-3456789",     // 4-digit area code, 7-digit number
            "13912345678",      // mobile
            "19912345678"})
    void mobileOrLandlineWithOrWithoutAreaCodeIsAccepted(String phone) {
        ObjectNode document = set(correctedSample(), "/header/phone", phone);

        assertThat(errors(validate(document))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "12345",            // too short
            "0279-1",           // area code and a stub
            "1391234567",       // mobile one digit short
            "139123456789",     // mobile one digit long
            "12912345678",      // no mobile number starts with 12
            "05916419",         // local numbers do not start with 0
            "027-859164190",    // 9-digit local number
            "8591641９",         // full-width digit
            "电话85916419"})
    void anythingElseIsReportedAtThePhone(String phone) {
        ObjectNode document = set(correctedSample(), "/header/phone", phone);

        ValidationReport report = validate(document);

        assertThat(errors(report)).containsExactly("/header/phone header.phone-format");
        assertThat(message(report, "/header/phone", "header.phone-format")).startsWith("“联系电话”为“" + phone + "”，不是有效的电话号码");
    }

    @Test
    void blankPhoneIsLeftToTheRequiredCheck() {
        ObjectNode document = set(correctedSample(), "/header/phone", " ");

        assertThat(errors(validate(document))).containsExactly("/header/phone structure.required");
    }

    @Test
    void yearOfTheDeclarationPasses() {
        assertThat(findingsOf(validate(correctedSample(), 2020), "header.year-mismatch")).isEmpty();
    }

    @Test
    void documentYearOtherThanTheDeclarationsYearIsReportedAtTheYear() {
        ObjectNode document = set(correctedSample(), "/header/year", 2019);

        ValidationReport report = validate(document, 2020);

        assertThat(errors(report)).containsExactly("/header/year header.year-mismatch");
        assertThat(message(report, "/header/year", "header.year-mismatch")).isEqualTo("“年度”为2019，与申报年度2020不一致");
    }

    @Test
    void yearThatIsNotANumberIsOnlyATypeError() {
        ObjectNode document = set(correctedSample(), "/header/year", "2020年");

        assertThat(errors(validate(document, 2020))).containsExactly("/header/year structure.type");
    }

    @Test
    void missingYearIsOnlyARequiredError() {
        ObjectNode document = set(correctedSample(), "/header/year", null);

        assertThat(errors(validate(document, 2020))).containsExactly("/header/year structure.required");
    }
}
