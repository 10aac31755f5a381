package io.github.camelbillmgr.simulator.engine.func;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.github.camelbillmgr.simulator.doc.Element;
import io.github.camelbillmgr.simulator.engine.ApiFunction;
import io.github.camelbillmgr.simulator.engine.CallContext;
import io.github.camelbillmgr.simulator.engine.Elids;
import io.github.camelbillmgr.simulator.engine.Errors;
import io.github.camelbillmgr.simulator.engine.Store;
import io.github.camelbillmgr.simulator.model.SimService;
import io.github.camelbillmgr.simulator.settings.SimSettings;

/**
 * {@code ITEMTYPE.suspend|resume|delete&elid=1, 2, 3}, {@code sok} optional. Suspend needs
 * status 2, resume status 3, delete anything but 4; a service in any other state fails the
 * whole call with an invalid-value error on {@code elid} before anything changes. With
 * {@code lifecycleProcessingSeconds} the service shows 5 until the clock passes that time.
 */
public final class LifecycleFunction implements ApiFunction {

    /** The three actions with the state each needs and the state each reaches. */
    public enum Action {
        SUSPEND(SimService.STATUS_SUSPENDED), RESUME(SimService.STATUS_ACTIVE), DELETE(SimService.STATUS_DELETED);

        private final int target;

        Action(int target) {
            this.target = target;
        }

        boolean allowedFrom(int status) {
            return switch (this) {
                case SUSPEND -> status == SimService.STATUS_ACTIVE;
                case RESUME -> status == SimService.STATUS_SUSPENDED;
                case DELETE -> status != SimService.STATUS_DELETED;
            };
        }

        String verb() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final String itemType;
    private final Action action;

    public LifecycleFunction(String itemType, Action action) {
        this.itemType = itemType;
        this.action = action;
    }

    @Override
    public Element call(CallContext ctx) {
        checkRights(ctx);
        String rawElid = ctx.opt("elid");
        if (rawElid == null) {
            throw Errors.missedParam("elid");
        }
        List<SimService> targets = new ArrayList<>();
        for (String elid : Elids.parse(rawElid, ctx.settings().isElidBareCommas())) {
            SimService service = ctx.visibleService(elid, itemType);
            if (ctx.store().isPending(service.id())) {
                throw ctx.invalid("elid", elid);
            }
            if (action.allowedFrom(service.status())) {
                targets.add(service);
            } else if (!alreadyThere(ctx, service)) {
                throw ctx.invalid("elid", elid);
            }
        }
        if (ctx.settings().isSuspendRequiresSok() && !ctx.sok()) {
            return Element.doc().field("elid", rawElid);
        }
        targets.forEach(service -> apply(ctx, service));
        return Element.doc().marker("ok");
    }

    /**
     * A suspend of a suspended service or a resume of an active one, when the setting says that is a no-op: ISPsystem's
     * own license module suspends a license again before it frees it, and resumes licenses it did not check.
     */
    private boolean alreadyThere(CallContext ctx, SimService service) {
        return ctx.settings().getSameStateAction() == SimSettings.SameStateAction.OK
                && action != Action.DELETE && service.status() == action.target;
    }

    private void checkRights(CallContext ctx) {
        if (ctx.isAdmin()) {
            return;
        }
        boolean allowed = action == Action.DELETE ? ctx.settings().isClientMayDelete()
                : ctx.settings().isClientMaySuspendResume();
        if (!allowed) {
            throw Errors.access();
        }
    }

    private void apply(CallContext ctx, SimService service) {
        Store store = ctx.store();
        int delay = ctx.settings().getLifecycleProcessingSeconds();
        int shown = delay > 0 ? SimService.STATUS_PROCESSING : action.target;
        store.put(service.toBuilder().status(shown)
                .event(store.event(action.verb(), ctx.user(), "Service " + action.verb() + " requested"))
                .build());
        if (delay > 0) {
            store.schedule(service.id(), action.target, delay, action.verb());
        }
    }
}
