package io.github.camelbillmgr.examples;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** What the batch of VPS orders produced: one outcome per order line, in file order. */
public final class OrderReport {

    private final List<StepOutcome> lines = new ArrayList<>();

    public void add(StepOutcome outcome) {
        lines.add(outcome);
    }

    public List<StepOutcome> lines() {
        return Collections.unmodifiableList(lines);
    }

    public long ordered() {
        return lines.stream().filter(StepOutcome::ok).count();
    }

    public long failed() {
        return lines.size() - ordered();
    }

    /** The id of the first VPS that was ordered, to renew and change it afterwards. */
    public Optional<Long> firstOrderedServiceId() {
        return lines.stream().filter(StepOutcome::ok).map(StepOutcome::serviceId).filter(id -> id != null)
                .findFirst();
    }

    @Override
    public String toString() {
        return "OrderReport[" + ordered() + " ordered, " + failed() + " failed]";
    }
}
