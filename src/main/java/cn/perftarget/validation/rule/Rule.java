package cn.perftarget.validation.rule;

/** One compiled rule of a definition; it adds a finding for every place of the document that breaks it. */
public interface Rule {

    public void check(Subject subject, Findings findings);
}
