package io.github.camelbillmgr.model;

/**
 * One choice of a BILLmanager select list ({@code <val key="...">label</val>}): a data centre, an OS template, a
 * recipe. {@code depend} names the choice of another list this one requires (a recipe's OS template), or is null.
 */
public record BillmgrChoice(String key, String label, String depend) {
}
