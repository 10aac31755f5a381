package io.github.camelbillmgr.simulator.catalog;

/** A post-install recipe; it can only be chosen together with the OS template it {@code depend}s on. */
public record Recipe(String key, String name, String depend) {
}
