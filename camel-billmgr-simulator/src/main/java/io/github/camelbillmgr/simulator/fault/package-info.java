/**
 * Fault injection: what a fault is ({@link io.github.camelbillmgr.simulator.fault.Fault},
 * {@link io.github.camelbillmgr.simulator.fault.FaultKind}), which call gets one
 * ({@link io.github.camelbillmgr.simulator.fault.SimFaults} and its rules), their text forms
 * ({@link io.github.camelbillmgr.simulator.fault.FaultSpec}), and what the two credential faults do to the state
 * ({@link io.github.camelbillmgr.simulator.fault.CredentialFaults}). What a fault does on the wire (a cut body, a
 * dropped connection, an HTML page) is the HTTP side's job.
 */
package io.github.camelbillmgr.simulator.fault;
