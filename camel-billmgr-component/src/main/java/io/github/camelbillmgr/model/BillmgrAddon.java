package io.github.camelbillmgr.model;

import java.util.Map;

/**
 * An add-on of a tariff's order form ({@code addon_<id>}): its id, name, default value and limits, and all raw fields.
 */
public record BillmgrAddon(int id, String name, String defaultValue, String min, String max,
                           Map<String, String> fields) {
}
