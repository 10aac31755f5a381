/**
 * The simulator's settings: {@link io.github.camelbillmgr.simulator.settings.SimSettings}, the same settings by name
 * with their text and JSON forms ({@link io.github.camelbillmgr.simulator.settings.SettingsProperties}), and named
 * sets of them ({@link io.github.camelbillmgr.simulator.settings.SimProfile}).
 */
package io.github.camelbillmgr.simulator.settings;
