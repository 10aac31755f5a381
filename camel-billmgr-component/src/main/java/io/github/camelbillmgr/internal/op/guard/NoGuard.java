package io.github.camelbillmgr.internal.op.guard;

import java.util.List;

import io.github.camelbillmgr.internal.http.BillmgrClient;

/**
 * Changes that nothing can look up afterwards (suspend, resume, delete, a func with {@code sok}): nothing is recorded
 * and nothing is looked up; a lost reply only becomes an unknown outcome that says what to check.
 */
public final class NoGuard extends AbstractChangeStrategy<Void, Void> {

    private final List<Long> serviceIds;
    private final String whatToDo;

    public NoGuard(String func, List<Long> serviceIds, String whatToDo) {
        super("", Void.class, func);
        this.serviceIds = serviceIds;
        this.whatToDo = whatToDo;
    }

    @Override
    public boolean guarded() {
        return false;
    }

    @Override
    public boolean sameChange(Void left) {
        return false;
    }

    @Override
    public Void landed(BillmgrClient client, Void earlier) {
        return null;
    }

    @Override
    public boolean complete(Void landed) {
        return false;
    }

    @Override
    public Void before(BillmgrClient client) {
        return null;
    }

    @Override
    public List<Long> serviceIds() {
        return serviceIds;
    }

    @Override
    public String whatToDo(boolean guarded) {
        return whatToDo;
    }
}
