package io.github.camelbillmgr;

/** What the polling consumer emits at each poll. */
public enum BillmgrEmitMode {
    /** Every matching service, at every poll. */
    all,
    /** Only services that are new, changed (status, expire date, auto-renewal, cost) or gone since the last poll. */
    changes
}
