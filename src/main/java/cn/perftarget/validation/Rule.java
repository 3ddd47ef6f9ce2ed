package cn.perftarget.validation;

/** One compiled rule of a definition; it adds a finding for every place of the document that breaks it. */
interface Rule {

    void check(Subject subject, Findings findings);
}
