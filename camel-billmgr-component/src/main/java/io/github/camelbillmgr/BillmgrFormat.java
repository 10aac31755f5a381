package io.github.camelbillmgr;

/** The output format requested from BILLmanager ({@code out=}). Both are read into the same normalised tree. */
public enum BillmgrFormat {
    json,
    xml
}
