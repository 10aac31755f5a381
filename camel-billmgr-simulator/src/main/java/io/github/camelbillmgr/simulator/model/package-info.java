/**
 * Snapshots of what the simulator holds, as a test reads them: accounts, services, carts and their lines, a
 * service's history, and the HTTP requests received. Values only; they depend on nothing else of the simulator.
 */
package io.github.camelbillmgr.simulator.model;
