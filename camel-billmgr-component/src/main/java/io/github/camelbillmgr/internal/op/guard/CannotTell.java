package io.github.camelbillmgr.internal.op.guard;

import io.github.camelbillmgr.BillmgrException;

/**
 * A look-up that BILLmanager answered without settling whether an earlier attempt landed (a detail it does not
 * show). Not a {@link BillmgrException}: {@link ChangeGuard} turns it into the unknown outcome it describes.
 */
public final class CannotTell extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient BillmgrException reason;
    private final String whatToDo;

    /**
     * @param reason   what BILLmanager did not show, as the cause of the unknown outcome
     * @param whatToDo what the user can do about it
     */
    public CannotTell(BillmgrException reason, String whatToDo) {
        super(reason.getMessage(), null, false, false);
        this.reason = reason;
        this.whatToDo = whatToDo;
    }

    BillmgrException reason() {
        return reason;
    }

    String whatToDo() {
        return whatToDo;
    }
}
