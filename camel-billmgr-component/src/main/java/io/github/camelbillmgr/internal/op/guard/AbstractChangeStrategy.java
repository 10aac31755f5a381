package io.github.camelbillmgr.internal.op.guard;

/**
 * What every strategy holds: the exchange property its record goes under, the record's type, and the function whose
 * outcome a failed look-up leaves unknown.
 */
public abstract class AbstractChangeStrategy<P, L> implements ChangeStrategy<P, L> {

    private final String pendingPrefix;
    private final Class<P> pendingType;
    private final String func;

    protected AbstractChangeStrategy(String pendingPrefix, Class<P> pendingType, String func) {
        this.pendingPrefix = pendingPrefix;
        this.pendingType = pendingType;
        this.func = func;
    }

    @Override
    public final String pendingPrefix() {
        return pendingPrefix;
    }

    @Override
    public final Class<P> pendingType() {
        return pendingType;
    }

    @Override
    public final String func() {
        return func;
    }
}
