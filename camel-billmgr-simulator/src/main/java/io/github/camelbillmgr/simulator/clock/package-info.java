/** The simulator's own time, frozen until a test moves it (or ticking, as the standalone server's is). */
package io.github.camelbillmgr.simulator.clock;
