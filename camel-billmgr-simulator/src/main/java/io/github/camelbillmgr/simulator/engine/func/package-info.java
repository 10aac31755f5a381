/**
 * The BILLmanager functions. {@code ...Function}: one class per function (one {@code func} name, or one per item type
 * such as {@code TYPE.edit}), an {@link io.github.camelbillmgr.simulator.engine.ApiFunction}. {@code ...Functions}: the
 * functions of one topic as methods, registered one by one ({@code AuthFunctions}: {@code auth}, {@code keepalive},
 * {@code whoami}, {@code session.newkey}).
 */
package io.github.camelbillmgr.simulator.engine.func;
