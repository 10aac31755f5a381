package io.github.camelbillmgr.examples;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** Every step of one run of the example, in the order they ran, and how to print them. */
public final class MissionSummary {

    private final String target;
    private final List<StepOutcome> steps = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    public MissionSummary(String target) {
        this.target = target;
    }

    /** Where the example ran: the BILLmanager URL and user (never the password). */
    public String target() {
        return target;
    }

    public void add(StepOutcome outcome) {
        steps.add(outcome);
    }

    public void addAll(List<StepOutcome> outcomes) {
        steps.addAll(outcomes);
    }

    /** A line printed after the steps, e.g. the balance left. */
    public void note(String note) {
        notes.add(note);
    }

    public List<String> notes() {
        return Collections.unmodifiableList(notes);
    }

    public List<StepOutcome> steps() {
        return Collections.unmodifiableList(steps);
    }

    public List<StepOutcome> failures() {
        return steps.stream().filter(s -> !s.ok()).toList();
    }

    public long okCount() {
        return steps.stream().filter(StepOutcome::ok).count();
    }

    /** The step of an order line, by its remote id. */
    public Optional<StepOutcome> order(String remoteId) {
        return steps.stream().filter(s -> remoteId.equals(s.remoteId())).findFirst();
    }

    /** The first step whose name starts with the prefix, e.g. {@code renew}. */
    public Optional<StepOutcome> step(String prefix) {
        return steps.stream().filter(s -> s.step().startsWith(prefix)).findFirst();
    }

    public List<String> lines() {
        return steps.stream().map(StepOutcome::line).toList();
    }

    public void print(PrintStream out) {
        out.println();
        out.println("=== camel-billmgr example: summary ===");
        out.println("BILLmanager: " + target);
        lines().forEach(out::println);
        notes.forEach(note -> out.println("note: " + note));
        out.println("=== " + okCount() + " step(s) ok, " + failures().size() + " failed ===");
        out.flush();
    }

    @Override
    public String toString() {
        return String.join(System.lineSeparator(), lines());
    }
}
