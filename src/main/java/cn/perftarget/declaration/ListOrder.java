package cn.perftarget.declaration;

/** How a page of declarations is ordered; every order ends with the id, so pages never overlap. */
public enum ListOrder {
    /** By id ascending: the order of the API. */
    ID,
    /** Latest budget year first, then the newest declaration first: the order of the web lists. */
    NEWEST_FIRST
}
