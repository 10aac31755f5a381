/**
 * What the simulator starts from and resets to: {@link io.github.camelbillmgr.simulator.seed.SimSeed}, the built-in
 * seed and seed files.
 */
package io.github.camelbillmgr.simulator.seed;
