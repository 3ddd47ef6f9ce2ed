package cn.perftarget.process;

import cn.perftarget.declaration.ProcessRef;

/**
 * The business key of a declaration's process instances (approval and submission deadline), which says what the
 * instance is in Cockpit and Tasklist: department, budget year, form and declaration id, e.g.
 * {@code HP-BDC-2020-dept-overall-17}. Instances started before carry the bare id ({@code 17}) and keep it, so every
 * lookup asks for both. Department, year and form of a declaration never change, so the key stays right.
 */
record BusinessKey(long declarationId, String department, int year, String formKey) {

    static BusinessKey of(ProcessRef ref) {
        return new BusinessKey(ref.declarationId(), ref.department(), ref.year(), ref.formKey());
    }

    String value() {
        return department + "-" + year + "-" + formKey + "-" + declarationId;
    }

    /** The key of instances started before business keys said what they are. */
    String legacy() {
        return Long.toString(declarationId);
    }

    /** Both forms, for queries that must find old and new instances alike. */
    String[] candidates() {
        return new String[] {value(), legacy()};
    }

    /** The declaration id at the end of either form of the key. */
    static long declarationIdOf(String businessKey) {
        return Long.parseLong(businessKey.substring(businessKey.lastIndexOf('-') + 1));
    }
}
