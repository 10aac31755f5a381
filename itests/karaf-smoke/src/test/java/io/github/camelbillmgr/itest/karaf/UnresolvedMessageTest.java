package io.github.camelbillmgr.itest.karaf;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How KarafSmokeIT reports a bundle that does not resolve: the innermost missing requirement first. The message is
 * the one Karaf 4.4.8 gave for a copy of the bundle that imports Camel [4.19,4.20).
 */
class UnresolvedMessageTest {

    private static final String RESOLVER = "Unable to resolve root: missing requirement [root] osgi.identity; "
            + "osgi.identity=camel-billmgr; type=karaf.feature; version=\"[1.0.0.SNAPSHOT,1.0.0.SNAPSHOT]\"; "
            + "filter:=\"(&(osgi.identity=camel-billmgr)(type=karaf.feature)(version>=1.0.0.SNAPSHOT)(version<=1.0.0.SNAPSHOT))\" "
            + "[caused by: Unable to resolve camel-billmgr/1.0.0.SNAPSHOT: missing requirement [camel-billmgr/1.0.0.SNAPSHOT] "
            + "osgi.identity; osgi.identity=io.github.camelbillmgr.camel-billmgr; type=osgi.bundle; "
            + "version=\"[1.0.0.SNAPSHOT,1.0.0.SNAPSHOT]\"; resolution:=mandatory [caused by: Unable to resolve "
            + "io.github.camelbillmgr.camel-billmgr/1.0.0.SNAPSHOT: missing requirement "
            + "[io.github.camelbillmgr.camel-billmgr/1.0.0.SNAPSHOT] osgi.wiring.package; "
            + "filter:=\"(&(osgi.wiring.package=org.apache.camel)(version>=4.19.0)(!(version>=4.20.0)))\"]]";

    @Test
    void namesTheInnermostMissingRequirementFirst() {
        String m = KarafSmokeIT.unresolved(RESOLVER);
        assertTrue(m.startsWith(
                "camel-billmgr does not install in Karaf: io.github.camelbillmgr.camel-billmgr/1.0.0.SNAPSHOT "
                        + "is missing osgi.wiring.package; filter:=\"(&(osgi.wiring.package=org.apache.camel)(version>=4.19.0)"
                        + "(!(version>=4.20.0)))\"\n"),
                m);
        assertTrue(m.endsWith("resolver: " + RESOLVER), m);
    }

    @Test
    void keepsAMessageItCannotParse() {
        assertTrue(KarafSmokeIT.unresolved("bundle is INSTALLED (not resolved): boom").endsWith("boom"));
    }
}
