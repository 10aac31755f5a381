/** A throwaway self-signed certificate, to serve HTTPS in tests and to trust it. */
package io.github.camelbillmgr.simulator.tls;
