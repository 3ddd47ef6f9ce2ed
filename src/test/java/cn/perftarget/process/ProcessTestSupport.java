package cn.perftarget.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.perftarget.Fixtures;
import cn.perftarget.audit.AuditAction;
import cn.perftarget.audit.AuditTrail;
import cn.perftarget.declaration.DeclarationFiling;
import cn.perftarget.declaration.DeclarationQueries;
import cn.perftarget.declaration.DeclarationStatus;
import cn.perftarget.identity.Actor;
import cn.perftarget.identity.Role;

/** Declarations in the approval process, for the process tests: create, find the instance and its timers, read back. */
final class ProcessTestSupport {

    static final Actor FILER = new Actor("filer1", "张春红", Role.FILER, "HP-BDC");
    static final Actor AUDITOR = new Actor("auditor1", "审计人员", Role.AUDITOR, null);
    static final String FORM_KEY = "dept-overall";

    private final ProcessEngine engine;
    private final DeclarationFiling filing;
    private final DeclarationQueries queries;
    private final AuditTrail audit;

    ProcessTestSupport(ProcessEngine engine, DeclarationFiling filing, DeclarationQueries queries, AuditTrail audit) {
        this.engine = engine;
        this.filing = filing;
        this.queries = queries;
        this.audit = audit;
    }

    /**
     * The corrected sample of this budget year with a total budget of 600 万元 (income and expenditure alike, shares
     * still 100%): valid, and at or above the expert review threshold.
     */
    static ObjectNode largeBudgetDocument(int year) {
        var document = Fixtures.validDocument(year);
        for (String row : new String[] {"/funds/income/fiscal", "/funds/income/total",
                "/funds/expenditure/project", "/funds/expenditure/total"}) {
            ((ObjectNode) document.at(row)).put("budget", 600);
        }
        return document;
    }

    /**
     * A new declaration with the form's initial (invalid) document. Earlier declarations of the shared test
     * database first give up their uniqueness key (as {@code Api.freeUniquenessKeys} does), since these tests
     * open many declarations for one department and year.
     */
    long draft(int year) {
        new JdbcTemplate(engine.getProcessEngineConfiguration().getDataSource())
                .update("update declaration set uniqueness_key = null where uniqueness_key is not null");
        return filing.create(FILER, FORM_KEY, year).id();
    }

    /** A declaration whose current revision is this document. */
    long draft(int year, ObjectNode document) {
        long id = draft(year);
        filing.saveDocument(FILER, id, "\"1\"", document);
        return id;
    }

    /** A declaration of 2020 whose current revision is the valid sample (242.98 万元). */
    long validDraft() {
        return draft(2020, Fixtures.validDocument());
    }

    ProcessInstance instanceOf(long declarationId) {
        return running(DeclarationApprovalProcess.DEFAULT_KEY, declarationId);
    }

    /** The running watch over the declaration's submission deadline. */
    ProcessInstance deadlineWatchOf(long declarationId) {
        return running(SubmissionDeadlineProcess.KEY, declarationId);
    }

    /** The activities the deadline watch of the declaration has passed (ended ones), in order. */
    List<String> deadlineWatchPassed(long declarationId) {
        var history = engine.getHistoryService();
        var instance = history.createHistoricProcessInstanceQuery().processDefinitionKey(SubmissionDeadlineProcess.KEY)
                .variableValueEquals("declarationId", declarationId).singleResult();
        assertThat(instance).as("deadline watch of declaration %d", declarationId).isNotNull();
        return history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId()).finished()
                .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list().stream()
                .map(activity -> activity.getActivityId())
                .toList();
    }

    /** Whether the deadline watch of the declaration has ended. */
    boolean deadlineWatchEnded(long declarationId) {
        return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(SubmissionDeadlineProcess.KEY)
                .variableValueEquals("declarationId", declarationId).count() == 0;
    }

    /** Every job of both process instances of the declaration. */
    List<Job> jobsOf(long declarationId) {
        return engine.getRuntimeService().createProcessInstanceQuery()
                .variableValueEquals("declarationId", declarationId).list().stream()
                .flatMap(instance -> engine.getManagementService().createJobQuery()
                        .processInstanceId(instance.getId()).list().stream())
                .toList();
    }

    private ProcessInstance running(String processKey, long declarationId) {
        var instance = engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(processKey)
                .variableValueEquals("declarationId", declarationId)
                .singleResult();
        assertThat(instance).as("%s instance of declaration %d", processKey, declarationId).isNotNull();
        return instance;
    }

    DeclarationStatus status(long declarationId) {
        return queries.get(AUDITOR, declarationId).status();
    }

    Integer approvedRevision(long declarationId) {
        return queries.get(AUDITOR, declarationId).approvedRevision();
    }

    /** The timer jobs of the instance that belong to this boundary event. */
    List<Job> timers(ProcessInstance instance, String activityId) {
        return engine.getManagementService().createJobQuery()
                .processInstanceId(instance.getId())
                .timers()
                .activityId(activityId)
                .list();
    }

    /** The one timer job of this boundary event. */
    Job timer(ProcessInstance instance, String activityId) {
        var found = timers(instance, activityId);
        assertThat(found).as("timers of %s", activityId).hasSize(1);
        return found.get(0);
    }

    /** Whether the engine, at its current clock, considers this job due. */
    boolean isDue(Job job) {
        return engine.getManagementService().createJobQuery()
                .jobId(job.getId())
                .executable()
                .count() == 1;
    }

    void execute(Job job) {
        engine.getManagementService().executeJob(job.getId());
    }

    /** How many times this action was recorded in the declaration's audit trail. */
    long audited(long declarationId, AuditAction action) {
        return audit.historyOf(declarationId).stream()
                .filter(event -> event.action().equals(action.name()))
                .count();
    }
}
