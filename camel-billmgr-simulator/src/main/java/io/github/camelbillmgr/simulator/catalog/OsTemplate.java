package io.github.camelbillmgr.simulator.catalog;

/** An OS template: {@code key} is what {@code ostempl=} carries, {@code name} the label. */
public record OsTemplate(String key, String name) {
}
