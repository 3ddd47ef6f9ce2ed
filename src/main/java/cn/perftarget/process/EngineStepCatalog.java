package cn.perftarget.process;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import cn.perftarget.declaration.DeclarationStatus;
import cn.perftarget.declaration.ProcessRef;
import cn.perftarget.declaration.ReviewStepCatalog;
import cn.perftarget.declaration.ReviewStepDefinition;

/**
 * The review steps of the deployed models, read from the engine's repository. A definition never changes once
 * deployed, so its steps are kept by definition id; which versions are the latest is read again every few seconds,
 * so a model deployed on another node shows here soon after.
 */
@Component
class EngineStepCatalog implements ReviewStepCatalog {

    private static final Duration FRESH = Duration.ofSeconds(5);
    // A cache, not a register: without a bound every approval instance ever shown would stay in memory for good.
    private static final int INSTANCES_KEPT = 10_000;

    private final RepositoryService repository;
    private final HistoryService history;
    private final Map<String, ModelSteps> byDefinition = new ConcurrentHashMap<>();
    private final Map<String, String> definitionOfInstance = new ConcurrentHashMap<>();
    private volatile List<ReviewStepDefinition> latest;
    private volatile Instant latestAt = Instant.MIN;
    private final int instancesKept;

    @Autowired
    EngineStepCatalog(RepositoryService repository, HistoryService history) {
        this(repository, history, INSTANCES_KEPT);
    }

    EngineStepCatalog(RepositoryService repository, HistoryService history, int instancesKept) {
        this.repository = repository;
        this.history = history;
        this.instancesKept = instancesKept;
    }

    @Override
    public Optional<ReviewStepDefinition> step(ProcessRef ref, DeclarationStatus status) {
        var definition = definitionOf(ref);
        if (definition.isPresent()) {
            var found = stepsOf(definition.get()).all().stream().filter(s -> s.status().equals(status)).findFirst();
            if (found.isPresent()) {
                return found;
            }
        }
        return steps().stream().filter(s -> s.status().equals(status)).findFirst();
    }

    /** Whether a version of this process model is deployed. */
    boolean deployed(String processKey) {
        return repository.createProcessDefinitionQuery().processDefinitionKey(processKey).count() > 0;
    }

    @Override
    public List<ReviewStepDefinition> steps() {
        if (latestAt.plus(FRESH).isBefore(Instant.now()) || latest == null) {
            Map<String, ReviewStepDefinition> byStatus = new LinkedHashMap<>();
            repository.createProcessDefinitionQuery().latestVersion().list().stream()
                    .sorted(Comparator.comparing((ProcessDefinition d) -> !d.getKey().equals(
                            DeclarationApprovalProcess.DEFAULT_KEY)).thenComparing(ProcessDefinition::getKey))
                    .forEach(d -> stepsOf(d.getId()).all().forEach(s -> byStatus.putIfAbsent(s.status().code(), s)));
            latest = List.copyOf(byStatus.values());
            latestAt = Instant.now();
        }
        return latest;
    }

    @Override
    public DeclarationStatus status(String code) {
        if (DeclarationStatus.isFixed(code)) {
            return DeclarationStatus.valueOf(code);
        }
        for (var step : steps()) {
            if (step.status().code().equals(code)) {
                return step.status();
            }
        }
        // A step of an older version only: look through the definitions read so far.
        for (var steps : byDefinition.values()) {
            for (var step : steps.all()) {
                if (step.status().code().equals(code)) {
                    return step.status();
                }
            }
        }
        return DeclarationStatus.valueOf(code);
    }

    /** The steps of a deployed definition, read once. */
    ModelSteps stepsOf(String definitionId) {
        return byDefinition.computeIfAbsent(definitionId, id -> ModelSteps.of(repository.getBpmnModelInstance(id),
                repository.getProcessDefinition(id).getKey()));
    }

    /** The definition the declaration's current (or last) approval instance runs on. */
    Optional<String> definitionOf(ProcessRef ref) {
        if (ref.instanceId() == null) {
            return lastInstance(ref).map(i -> i.definitionId());
        }
        String known = definitionOfInstance.get(ref.instanceId());
        if (known != null) {
            return Optional.of(known);
        }
        var instance = history.createHistoricProcessInstanceQuery().processInstanceId(ref.instanceId()).singleResult();
        if (instance == null) {
            return Optional.empty();
        }
        if (definitionOfInstance.size() >= instancesKept) {
            definitionOfInstance.clear();
        }
        definitionOfInstance.put(ref.instanceId(), instance.getProcessDefinitionId());
        return Optional.of(instance.getProcessDefinitionId());
    }

    /** For rounds started before instance ids were kept: the newest approval instance under the business key. */
    Optional<Instance> lastInstance(ProcessRef ref) {
        var key = BusinessKey.of(ref);
        List<Instance> found = new ArrayList<>();
        history.createHistoricProcessInstanceQuery().processInstanceBusinessKeyIn(key.candidates())
                .orderByProcessInstanceStartTime().desc().list().stream()
                .filter(i -> !SubmissionDeadlineProcess.KEY.equals(i.getProcessDefinitionKey()))
                .findFirst().ifPresent(i -> found.add(new Instance(i.getId(), i.getProcessDefinitionId())));
        return found.stream().findFirst();
    }

    /** How many instances' definitions are kept now. */
    int instancesKnown() {
        return definitionOfInstance.size();
    }

    record Instance(String id, String definitionId) {
    }

    /** A deployment here changes the latest versions at once. */
    void forgetLatest() {
        latestAt = Instant.MIN;
    }
}
