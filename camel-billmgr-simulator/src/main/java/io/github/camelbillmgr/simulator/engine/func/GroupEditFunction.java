package io.github.camelbillmgr.simulator.engine.func;

import java.util.function.Function;

import io.github.camelbillmgr.simulator.doc.Element;
import io.github.camelbillmgr.simulator.engine.ApiFunction;
import io.github.camelbillmgr.simulator.engine.CallContext;
import io.github.camelbillmgr.simulator.engine.Errors;

/**
 * {@code groupedit&faction=F&elid=1, 2, 3&...}: runs F over all the elids in one go; F already
 * treats an elid list all-or-nothing. An executed group edit answers a bare {@code <ok/>}.
 */
public final class GroupEditFunction implements ApiFunction {

    private final Function<String, ApiFunction> resolver;

    public GroupEditFunction(Function<String, ApiFunction> resolver) {
        this.resolver = resolver;
    }

    @Override
    public Element call(CallContext ctx) {
        String faction = ctx.opt("faction");
        if (faction == null) {
            throw Errors.missedParam("faction");
        }
        ApiFunction target = faction.equals("groupedit") ? null : resolver.apply(faction);
        if (target == null) {
            throw Errors.missedObject("faction", faction);
        }
        Element result = target.call(ctx.as(faction, ctx.params()));
        return result.firstChild("ok") != null ? Element.doc().marker("ok") : result;
    }
}
