package io.github.camelbillmgr.itest.osgi;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/** The Camel bundle itself, whose service files Camel already reads through its own class loader. */
final class FrameworkBundles {

    private FrameworkBundles() {
    }

    static Bundle camel() {
        return FrameworkUtil.getBundle(FrameworkBundles.class);
    }
}
