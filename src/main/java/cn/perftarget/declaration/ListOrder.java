package cn.perftarget.declaration;

/** How a page of declarations is ordered; every order ends with the id, so pages never overlap nor skip. */
public enum ListOrder {
    /** Newest first (id descending): the API's order, so what was just filed is on page 0. */
    NEWEST,
    /** Latest budget year first, then newest first: the order of the web lists. */
    LATEST_YEAR
}
