package io.github.camelbillmgr.simulator.catalog;

/** A data centre a tariff can be ordered in. */
public record Datacenter(int id, String name) {
}
