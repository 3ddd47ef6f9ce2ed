package cn.perftarget.declaration;

import java.util.List;

import cn.perftarget.definition.FormDefinition;
import cn.perftarget.validation.Finding;

/**
 * The files kept with each revision, as the module that keeps them answers: the declaration module lists them in a
 * revision's view and checks them at validation, without depending on that module (it depends on this one).
 */
public interface RevisionFiles {

    /** The files listed in this revision of the declaration, in the order they were added. */
    List<AttachedFile> listed(long declarationId, int revision);

    /** Errors about the files of this revision that the template asks for (a required kind with no file). */
    List<Finding> findings(FormDefinition definition, long declarationId, int revision);
}
