/**
 * The control plane: JSON under {@code /__sim/} on the simulator's own port, one class per resource. Internal: drive
 * it over HTTP, not from Java (Java tests have the same hooks on {@code BillmgrSimulator}).
 */
package io.github.camelbillmgr.simulator.control;
