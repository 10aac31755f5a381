package io.github.camelbillmgr;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.github.camelbillmgr.model.BillmgrServiceState;

/** Tells what changed between two states of a service. */
final class ChangeDetector {
    private ChangeDetector() {
    }

    /** @return the comma separated changes, or null when nothing changed */
    static String describe(BillmgrServiceState before, BillmgrServiceState now) {
        if (before == null) {
            return "created";
        }
        Map<String, Boolean> changes = new LinkedHashMap<>();
        changes.put("statusChanged", before.status() != now.status());
        boolean later = before.expireDate() != null && now.expireDate() != null
                && now.expireDate().isAfter(before.expireDate());
        changes.put("renewed", later);
        changes.put("expireDateChanged", !later && !Objects.equals(before.expireDate(), now.expireDate()));
        changes.put("autoprolongChanged", !Objects.equals(before.autoprolong(), now.autoprolong()));
        changes.put("costChanged", before.cost() == null ? now.cost() != null
                : now.cost() == null || before.cost().compareTo(now.cost()) != 0);
        String joined = String.join(",",
                changes.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList());
        return joined.isEmpty() ? null : joined;
    }
}
