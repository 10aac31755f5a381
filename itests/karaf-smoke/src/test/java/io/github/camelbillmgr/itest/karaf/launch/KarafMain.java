package io.github.camelbillmgr.itest.karaf.launch;

import java.io.IOException;

/**
 * The main class of the Karaf JVM the smoke test starts: Karaf's own {@code org.apache.karaf.main.Main}, plus a
 * thread that ends the JVM when its standard input reaches end of file. The test holds the other end of that pipe,
 * so when the test JVM goes away for any reason (even {@code kill -9}), the operating system closes the pipe and
 * Karaf exits instead of staying behind.
 */
public final class KarafMain {

    private KarafMain() {
    }

    public static void main(String[] args) throws Exception {
        Thread watch = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // the test never writes; anything read is ignored
                }
            } catch (IOException e) {
                // closed as well
            }
            System.err.println("karaf-smoke: the test JVM is gone (stdin closed), exiting");
            System.exit(0);
        }, "karaf-smoke-parent-watch");
        watch.setDaemon(true);
        watch.start();
        Class.forName("org.apache.karaf.main.Main").getMethod("main", String[].class).invoke(null, (Object) args);
    }
}
