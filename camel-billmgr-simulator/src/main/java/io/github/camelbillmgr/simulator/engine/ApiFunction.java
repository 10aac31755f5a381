package io.github.camelbillmgr.simulator.engine;

import io.github.camelbillmgr.simulator.doc.Element;

/** One BILLmanager function ({@code func=...}); returns the response document or throws {@link ApiException}. */
@FunctionalInterface
public interface ApiFunction {

    Element call(CallContext ctx);
}
