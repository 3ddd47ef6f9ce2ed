package cn.perftarget.declaration;

/**
 * What the process module needs to find a declaration's approval instance: the declaration, the facts of its
 * business key, and the instance id (null for instances started before ids were kept, found then by business key).
 */
public record ProcessRef(long declarationId, String department, int year, String formKey, String instanceId) {
}
