package cn.perftarget.web;

import static cn.perftarget.web.Flows.errorPaths;
import static cn.perftarget.web.Flows.problem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.perftarget.Api;
import cn.perftarget.ApplicationTest;

/** Deploying review chains through the administration API: only administrators, and bad models deploy nothing. */
@ApplicationTest
class ProcessAdminApiTest {

    @Autowired
    Api api;

    private String shipped() {
        try (var in = getClass().getResourceAsStream("/processes/FourLevelApproval.bpmn")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Api.Response deploy(String user, String xml) {
        return api.as(user).send("POST", "/api/admin/processes?name=FourLevelApproval.bpmn", xml,
                Map.of("Content-Type", "application/xml"));
    }

    private int versions() {
        var listed = api.as("admin").get("/api/admin/processes");
        assertThat(listed.status()).isEqualTo(200);
        for (var process : listed.body()) {
            if (process.path("key").asText().equals("FourLevelApproval")) {
                return process.path("versions").size();
            }
        }
        return 0;
    }

    @Test
    void onlyAdministratorsDeployOrListWhateverTheBody() {
        for (String user : List.of("filer1", "dept1", "finance1", "expert1", "auditor1")) {
            problem(deploy(user, shipped()), 403);
            problem(deploy(user, "<not-xml"), 403);
            problem(api.as(user).get("/api/admin/processes"), 403);
        }
    }

    @Test
    void fiveKindsOfBadModelAreRefusedNamingTheElementAndNothingIsDeployed() {
        int before = versions();
        var cases = Map.of(
                "Task_ThirdPartyReview", shipped().replace("\"THIRD_PARTY_REVIEW\"", "\"APPROVED\""),
                "Task_DeptReview", shipped().replace("value=\"department\"", "value=\"everyone\""),
                "Task_PerformanceReview", shipped().replace("value=\"required\"", "value=\"sometimes\""),
                "Task_FinanceSectionReview", shipped().replace("<bpmn:userTask id=\"Task_FinanceSectionReview\"",
                        "<bpmn:userTask camunda:assignee=\"${payroll.officer()}\" id=\"Task_FinanceSectionReview\""),
                "EndEvent_Approved", shipped().replace("<bpmn:endEvent id=\"EndEvent_Approved\"",
                        "<bpmn:intermediateThrowEvent id=\"EndEvent_Approved\"").replaceFirst(
                        "(<bpmn:intermediateThrowEvent id=\"EndEvent_Approved\"[^>]*>[\\s\\S]*?)</bpmn:endEvent>",
                        "$1</bpmn:intermediateThrowEvent>"));
        cases.forEach((element, xml) -> {
            var refused = problem(deploy("admin", xml), 400);
            assertThat(errorPaths(refused)).as(refused.toString()).contains(element);
        });
        var outcomes = problem(deploy("admin", shipped().replace("\"approve,return,reject\"", "\"approve,maybe\"")), 400);
        assertThat(outcomes.path("detail").asText()).contains("maybe");
        problem(deploy("admin", "<bpmn:definitions"), 400);
        assertThat(versions()).as("nothing deployed").isEqualTo(before);
    }
}
