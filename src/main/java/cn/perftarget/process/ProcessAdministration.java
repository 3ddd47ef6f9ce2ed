package cn.perftarget.process;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;

import cn.perftarget.audit.AuditAction;
import cn.perftarget.audit.AuditTrail;
import cn.perftarget.declaration.ActionForbiddenException;
import cn.perftarget.validation.Finding;
import cn.perftarget.declaration.InvalidRequestException;
import cn.perftarget.definition.FormDefinitions;
import cn.perftarget.identity.Actor;
import cn.perftarget.identity.Role;

/**
 * Process models as data an administrator manages: a model is checked ({@link ModelCheck}) and deployed as a new
 * version, or refused naming the element and what is wrong, with nothing deployed. Declarations finish on the
 * version they started with; new rounds start on the latest.
 */
@Service
public class ProcessAdministration {

    /** The beans a model's expressions may call (the legacy listener beans serve old versions only). */
    static final Set<String> BEANS = Set.of("reviewSla", "reviewEscalation");
    /** The process variables a model's expressions may read: ours and the engine's. */
    static final Set<String> VARIABLES = Set.of("declarationId", "department", "formKey", "year", "reviewDepartment",
            "outcome", "totalBudget", "templateRequiresExpert", "approveCount", "returnCount", "rejectCount",
            "execution", "task", "nrOfInstances", "nrOfActiveInstances", "nrOfCompletedInstances", "loopCounter");

    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final FormDefinitions forms;
    private final AuditTrail audit;
    private final EngineStepCatalog catalog;

    ProcessAdministration(RepositoryService repository, RuntimeService runtime, FormDefinitions forms,
                          AuditTrail audit, EngineStepCatalog catalog) {
        this.repository = repository;
        this.runtime = runtime;
        this.forms = forms;
        this.audit = audit;
        this.catalog = catalog;
    }

    /** A deployed model: its key and the version it now has ({@code unchanged} when the same model was there). */
    public record Deployed(String key, String name, int version, boolean unchanged) {
    }

    /** One process key: its versions (newest first) and the templates that name it. */
    public record ProcessSummary(String key, String name, List<String> templates, List<Version> versions) {
    }

    /** One version of a process: when deployed, from where, and the declarations whose rounds run on it. */
    public record Version(int version, String definitionId, Instant deployedAt, String source, long running,
                          List<Long> declarations) {
    }

    /**
     * Checks and deploys a BPMN (or DMN) model as a new version. Only administrators may; a bad model is a 400
     * naming each element and what is wrong, and nothing is deployed.
     */
    public Deployed deploy(Actor actor, String fileName, byte[] xml) {
        requireAdmin(actor);
        var decisions = repository.createDecisionDefinitionQuery().list().stream()
                .map(d -> d.getKey()).collect(Collectors.toSet());
        var problems = ModelCheck.check(xml, fileName, decisions, BEANS, VARIABLES);
        if (!problems.isEmpty()) {
            throw refused(problems.stream().map(p -> new Finding(p.elementId(), "process.model", p.message()))
                    .toList());
        }
        org.camunda.bpm.engine.repository.DeploymentWithDefinitions deployment;
        try {
            deployment = repository.createDeployment().name("perftarget-admin-" + fileName).source("perftarget-admin")
                    .enableDuplicateFiltering(true)
                    .addInputStream(fileName, new ByteArrayInputStream(xml)).deployWithResult();
        } catch (ParseException e) {
            List<Finding> findings = new ArrayList<>();
            e.getResorceReports().forEach(report -> report.getErrors().forEach(error -> findings.add(new Finding(
                    error.getMainElementId() == null ? fileName : error.getMainElementId(), "process.model",
                    error.getMainElementId() + "：" + error.getMessage()))));
            throw refused(findings.isEmpty() ? List.of(new Finding(fileName, "process.model", e.getMessage()))
                    : findings);
        }
        catalog.forgetLatest();
        var definitions = deployment.getDeployedProcessDefinitions();
        Deployed deployed;
        if (definitions != null && !definitions.isEmpty()) {
            var definition = definitions.get(0);
            deployed = new Deployed(definition.getKey(), definition.getName(), definition.getVersion(), false);
        } else if (deployment.getDeployedDecisionDefinitions() != null
                && !deployment.getDeployedDecisionDefinitions().isEmpty()) {
            var decision = deployment.getDeployedDecisionDefinitions().get(0);
            deployed = new Deployed(decision.getKey(), decision.getName(), decision.getVersion(), false);
        } else {
            deployed = new Deployed(fileName, fileName, 0, true);
        }
        audit.recordGeneral(actor.username(), actor.role().name(), AuditAction.PROCESS_DEPLOYED,
                "流程模型 " + deployed.key() + " 第 " + deployed.version() + " 版（文件 " + fileName + "）");
        return deployed;
    }

    private static InvalidRequestException refused(List<Finding> findings) {
        return new InvalidRequestException("流程模型有 " + findings.size() + " 处问题，未部署："
                + findings.get(0).message(), findings);
    }

    /** Every process key with its versions, the templates using it and the declarations running on each version. */
    public List<ProcessSummary> list(Actor actor) {
        requireAdmin(actor);
        Map<String, List<String>> templates = forms.latestVersions().stream().collect(Collectors.groupingBy(
                f -> f.process(), Collectors.mapping(f -> f.title() + "（" + f.key() + "）", Collectors.toList())));
        Map<String, List<org.camunda.bpm.engine.repository.ProcessDefinition>> byKey = repository
                .createProcessDefinitionQuery().list().stream()
                .collect(Collectors.groupingBy(d -> d.getKey()));
        List<ProcessSummary> out = new ArrayList<>();
        byKey.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            var versions = entry.getValue().stream()
                    .sorted(Comparator.comparingInt(d -> -d.getVersion()))
                    .map(this::version).toList();
            var latest = entry.getValue().stream().max(Comparator.comparingInt(d -> d.getVersion())).orElseThrow();
            out.add(new ProcessSummary(entry.getKey(), latest.getName(),
                    templates.getOrDefault(entry.getKey(), List.of()), versions));
        });
        return out;
    }

    private Version version(org.camunda.bpm.engine.repository.ProcessDefinition definition) {
        var deployment = repository.createDeploymentQuery().deploymentId(definition.getDeploymentId()).singleResult();
        var instances = runtime.createProcessInstanceQuery().processDefinitionId(definition.getId()).list();
        List<Long> declarations = instances.stream().map(i -> i.getBusinessKey()).filter(k -> k != null)
                .map(BusinessKey::declarationIdOf).sorted().limit(200).toList();
        return new Version(definition.getVersion(), definition.getId(),
                deployment == null ? null : deployment.getDeploymentTime().toInstant(),
                deployment == null ? null : deployment.getSource(), instances.size(), declarations);
    }

    /** The model of one version of a process, as deployed. */
    public String model(Actor actor, String key, int version) {
        requireAdmin(actor);
        if (version < 1) {
            throw InvalidRequestException.of("version", "request.parameter", "参数“version”的值“" + version
                    + "”无效：版本号从 1 开始");
        }
        var definition = repository.createProcessDefinitionQuery().processDefinitionKey(key)
                .processDefinitionVersion(version).singleResult();
        if (definition == null) {
            throw new cn.perftarget.declaration.DeclarationNotFoundException("流程 " + key + " 没有第 " + version + " 版");
        }
        try (var in = repository.getProcessModel(definition.getId())) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void requireAdmin(Actor actor) {
        if (!actor.is(Role.ADMIN)) {
            throw new ActionForbiddenException("只有系统管理员可以管理流程模型，当前用户角色为“" + actor.role().label() + "”");
        }
    }
}
